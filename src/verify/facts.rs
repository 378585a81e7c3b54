//! What a brief states that can account for an article's words: its
//! figures' numbers, its actors' and places' names, its dates' wordings
//! and the names it says to ignore.

use serde_json::Value;

use super::coverage::{Facts, FigureFact};
use crate::format::Qualifier;
use crate::resolve::resolve;
use crate::validate::Model;

/// The facts of a checked brief.
pub fn facts(model: &Model) -> Facts {
    let b = model.brief();
    let figures = b
        .figures
        .iter()
        .map(|f| FigureFact {
            item: format!("figure {}", f.id.value),
            value: f.value.as_ref().or(f.low.as_ref()).map(|v| v.value),
            high: f.high.as_ref().map(|v| v.value),
            qualifier: f
                .qualifier
                .as_ref()
                .map_or(Qualifier::Unqualified, |q| q.value),
        })
        .collect();
    let mut names = Vec::new();
    for a in b.actors.iter() {
        names.push(a.name.clone());
        names.extend(a.aliases.iter().cloned());
    }
    for p in b.places.iter() {
        names.push(p.name.clone());
        names.extend(p.aliases.iter().cloned());
    }
    names.retain(|n| !n.trim().is_empty());
    let ignore = b
        .verify
        .iter()
        .flat_map(|v| v.ignore.iter().map(|w| w.value.clone()))
        .collect();
    // Every date the briefing shows, wherever it sits: the view holds
    // them all in one shape, so a new dated field is covered too.
    let (mut dates, mut values) = (Vec::new(), Vec::new());
    if let Ok(view) = serde_json::to_value(resolve(model)) {
        date_wordings(&view, &mut dates, &mut values);
    }
    for list in [&mut dates, &mut values] {
        list.sort();
        list.dedup();
    }
    Facts {
        figures,
        names,
        ignore,
        dates,
        values,
    }
}

/// Collects the stated wording and time of day (into `wordings`) and
/// the value in words (into `values`) of every date view (an object with
/// a `precision`) under `v`.
fn date_wordings(v: &Value, wordings: &mut Vec<String>, values: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            if map.contains_key("precision") && map.contains_key("exact") {
                let text = |key: &str| match map.get(key) {
                    Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
                    _ => None,
                };
                wordings.extend(text("stated"));
                wordings.extend(text("time"));
                values.extend(text("normalised"));
            }
            for child in map.values() {
                date_wordings(child, wordings, values);
            }
        }
        Value::Array(items) => {
            for child in items {
                date_wordings(child, wordings, values);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Limits;

    #[test]
    fn facts_of_a_brief() {
        let yaml = "id: x\ntitle: T\nformat: 2\n\
            actors:\n  - id: okafor\n    name: Maria Okafor\n    kind: person\n    aliases: [Okafor]\n\
            places:\n  - id: port\n    name: Port Celest\n\
            events:\n  - id: talks\n    title: Talks\n    kind: meeting\n    status: held\n    \
            date: {value: 2031-05-13, stated: on Tuesday, inferred: [year, month, day], time: late}\n    participants: [okafor]\n\
            figures:\n  - id: walkout\n    kind: share\n    measure: delegates who left\n    \
            value: 20\n    unit: percent\n    qualifier: nearly\n\
            verify:\n  ignore: [Celest Times]\n";
        let (model, diagnostics) = crate::check_str(yaml, &Limits::default());
        let model = model.unwrap_or_else(|| panic!("{diagnostics:?}"));
        let f = facts(&model);
        assert_eq!(f.names, ["Maria Okafor", "Okafor", "Port Celest"]);
        assert_eq!(f.ignore, ["Celest Times"]);
        assert_eq!(
            f.figures,
            [FigureFact {
                item: "figure walkout".into(),
                value: Some(20.0),
                high: None,
                qualifier: Qualifier::Nearly,
            }]
        );
        assert!(f.dates.contains(&"on Tuesday".to_owned()), "{:?}", f.dates);
        assert!(
            f.values.contains(&"13 May 2031".to_owned()),
            "{:?}",
            f.values
        );
        assert!(f.dates.contains(&"late".to_owned()), "{:?}", f.dates);
    }
}
