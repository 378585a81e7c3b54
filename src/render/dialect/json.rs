//! JSON output: the data templates would receive, printed as it is. It
//! uses no template, so it has no escaping and no helpers.

use serde::Serialize;

use crate::render::RenderError;

/// Refuses a template asked for with JSON output.
pub(crate) fn no_template(template: Option<&str>) -> Result<(), RenderError> {
    match template {
        Some(t) => Err(RenderError::request(format!(
            "JSON output uses no template, but the template `{t}` was asked for"
        ))),
        None => Ok(()),
    }
}

/// `value` as pretty-printed JSON ending with a newline.
pub(crate) fn write<T: Serialize + ?Sized>(value: &T) -> Result<String, RenderError> {
    let mut out = serde_json::to_string_pretty(value)
        .map_err(|e| RenderError::data(format!("cannot write JSON: {e}"), e))?;
    out.push('\n');
    Ok(out)
}
