//! Faithfulness of the real briefs beyond the seed: each names the facts
//! of its story that a reader must find, verbatim after markup is
//! stripped, in both the Markdown and the HTML briefing, with their
//! qualifiers, attributions and date wording intact.

use brief::Format;

use crate::common;

/// The facts of `briefs/israel-hezbollah-ceasefire-2024-11.yaml`.
const ISRAEL_HEZBOLLAH_CEASEFIRE_2024_11: &[&str] = &[
    "60-day",
    "in force",
    "4am local time in Israel and Lebanon (2am GMT)",
    "all fire will stop from all parties",
    "according to a senior Lebanese political source",
    "Has direct knowledge of the deal",
    "a senior US official with knowledge of the negotiations",
    "two Israeli officials",
    "within 60 days",
    "within the first month",
    "The text of the deal has not been published.",
    "designed to be a permanent cessation of hostilities",
    "welcomed",
    "last week",
    "Amos Hochstein",
    "US mediator",
    "5 pages",
    "13 sections",
    "Litani River",
    "more than a year of hostilities",
    "Lebanon had earlier pushed for Israeli troops to withdraw as quickly as possible within the truce period.",
];

/// The facts of `briefs/mozambique-election-2024-10.yaml`.
const MOZAMBIQUE_ELECTION_2024_10: &[&str] = &[
    "nearly 71%",
    "just over 20 percent",
    "44.5%",
    "Turnout was only 44.5 percent",
    "seven points less than in the last vote in 2019",
    "195 of 250 seats",
    "up from the 184 it won in the 2019 vote",
    "31 seats",
    "20 seats",
    "at least 1",
    "one death in Nampula in the north",
    "several injured",
    "declared himself the winner",
    "There were irregularities in the voting.",
    "The Catholic Church",
    "great national demonstration",
    "Tired of being the slaves of thieves",
    "AFP reporters said",
    "late Wednesday",
    "National Election Commission (CNE)",
];

/// The facts of `briefs/sudan-el-geneina-death-toll-2024.yaml`.
const SUDAN_EL_GENEINA_DEATH_TOLL_2024: &[&str] = &[
    "between 10,000 and 15,000",
    "El Geneina",
    "according to the sanctions monitors' report to the UN Security Council",
    "intelligence sources",
    "about 12,000",
    "from 15 April 2023 onwards",
    "Independent UN sanctions monitors on Sudan",
    "may amount to war crimes and crimes against humanity",
    "has previously denied the accusations",
    "Any of its soldiers found to be involved would face justice.",
    "several times per week",
    "credible",
    "a top Sudanese general",
    "said in a letter to the monitors",
    "122",
    "about 500,000",
    "last year",
    "Open question: The RSF did not immediately respond to Reuters' request for comment on the report.",
    "Rapid Support Forces (RSF)",
    "Masalit",
];

/// The facts of `briefs/un-gaza-truce-vote-2023-10.yaml`.
const UN_GAZA_TRUCE_VOTE_2023_10: &[&str] = &[
    "Adopted: 120 in favour, 14 against, 45 abstaining",
    "Rejected: 88 in favour, 55 against, 23 abstaining",
    "a two-thirds majority of all those voting",
    "humanitarian truce",
    "Canadian amendment condemning Hamas",
    "terrorist attacks",
    "Demand the immediate release of captives taken by Hamas.",
    "backed",
    "113",
    "Mahmoud Hmoud",
    "Jordan's U.N. Ambassador, speaking on behalf of the U.N.'s 22-nation Arab group",
    "Security Council fails to agree on a resolution",
    "over the past two weeks",
    "four attempts over the past two weeks",
    "under way",
    "The resolution is the first U.N. response since the war broke out.",
    "Linda Thomas-Greenfield",
    "nonbinding",
    "barometer of world opinion",
];

/// The facts of `briefs/us-ukraine-aid-package-2024-09.yaml`.
const US_UKRAINE_AID_PACKAGE_2024_09: &[&str] = &[
    "$7.9 billion",
    "7.9 billion dollars",
    "$5.5 billion in the presidential drawdown authority (PDA)",
    "Another $2.4 billion are pledged through the USAI",
    "375 million dollars",
    "the day before, on Sept. 25",
    "An additional Patriot air defense battery.",
    "Joint Standoff Weapon (JSOW)",
    "to enhance Ukraine's long-range strike capabilities",
    "to ensure this authority does not expire",
    "the training of an additional 18 next year",
    "by the end of 2024",
    "significant defense aid",
    "the imposition of sanctions against Russia",
    "said in a post on social media",
    "under way",
    "U.S. President",
    "US announces nearly $8 billion military aid package for Ukraine",
];

/// The facts of `briefs/calder-ferry-strike-2031-03.yaml`, the fictional
/// brief grounded in its article: the facts, and the source passages each
/// rests on, as the article has them.
const CALDER_FERRY_STRIKE_2031_03: &[&str] = &[
    "nearly 1,200 passengers",
    "about 4.5 million pounds",
    "more than 40 sailings",
    "up to 600,000 pounds",
    "roughly 85,000 pounds",
    "We did not want this strike, but we will not sail unsafe boats.",
    "It took nine days ... goodwill from islanders that we must now earn back.",
    "Pay rises by 6% this year and a further 4% next year.",
    "Source passage",
    "a nine-day strike that had stranded nearly 1,200 passengers",
    "cost it about £4.5 million over three years",
    "said the company “had always wanted a fair deal”",
];

/// Each brief, by file stem, with its facts.
const BRIEFS: &[(&str, &[&str])] = &[
    ("calder-ferry-strike-2031-03", CALDER_FERRY_STRIKE_2031_03),
    (
        "israel-hezbollah-ceasefire-2024-11",
        ISRAEL_HEZBOLLAH_CEASEFIRE_2024_11,
    ),
    ("mozambique-election-2024-10", MOZAMBIQUE_ELECTION_2024_10),
    (
        "sudan-el-geneina-death-toll-2024",
        SUDAN_EL_GENEINA_DEATH_TOLL_2024,
    ),
    ("un-gaza-truce-vote-2023-10", UN_GAZA_TRUCE_VOTE_2023_10),
    (
        "us-ukraine-aid-package-2024-09",
        US_UKRAINE_AID_PACKAGE_2024_09,
    ),
];

#[test]
fn every_fact_of_each_real_brief_is_in_both_renderings() {
    let mut missing = Vec::new();
    for (name, facts) in BRIEFS {
        let path = common::root().join(format!("briefs/{name}.yaml"));
        let markdown = common::markdown_text(&common::render_file(&path, Format::Markdown, false));
        let html = common::html_text(&common::render_file(&path, Format::Html, false));
        for (format, text) in [("markdown", &markdown), ("html", &html)] {
            for fact in *facts {
                if !text.contains(fact) {
                    missing.push(format!("{name} ({format}): {fact}"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "facts missing:\n{}", missing.join("\n"));
}

#[test]
fn every_shipped_brief_but_the_seed_has_its_facts_listed() {
    for path in common::shipped_briefs() {
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let listed = BRIEFS.iter().any(|(name, _)| *name == stem);
        let older = [
            "us-russia-talks",
            "exercise-northern-strait",
            "un-crimea-resolution-2014",
        ];
        assert!(
            listed || older.contains(&stem),
            "briefs/{stem}.yaml has no facts test"
        );
    }
}

/// Every occurrence of `number` in `text` comes with one of `qualifiers`
/// right before it.
fn always_qualified(text: &str, number: &str, qualifiers: &[&str]) -> bool {
    text.match_indices(number)
        .all(|(i, _)| qualifiers.iter().any(|q| text[..i].ends_with(q)))
}

#[test]
fn qualified_numbers_keep_their_qualifiers_in_full_and_flash_notes() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "sudan-el-geneina-death-toll-2024",
            "10,000",
            &["between ", "Between "],
        ),
        ("sudan-el-geneina-death-toll-2024", "12,000", &["about "]),
        ("sudan-el-geneina-death-toll-2024", "500,000", &["about "]),
        ("mozambique-election-2024-10", "71%", &["nearly "]),
    ];
    for (name, number, qualifiers) in cases {
        let path = common::root().join(format!("briefs/{name}.yaml"));
        let source = std::fs::read_to_string(&path).unwrap();
        for template in [None, Some("flash")] {
            let options = brief::RenderOptions {
                template: template.map(str::to_owned),
                ..brief::RenderOptions::default()
            };
            let text = common::markdown_text(&common::render(&source, &options));
            assert!(text.contains(number), "{name}: {number} not shown");
            assert!(
                always_qualified(&text, number, qualifiers),
                "{name} ({}): a bare {number}",
                template.unwrap_or("brief")
            );
        }
    }
}
