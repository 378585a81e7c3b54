# Phrases composées par les vues. Voir locales/en/phrases.ftl : chaque
# formule garde exactement le sens de l'anglais ; « nearly » (juste en
# dessous) devient « près de », jamais « environ ».

## Listes

and = et
or = ou

## Mois

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
month-of-1 = janvier
month-of-2 = février
month-of-3 = mars
month-of-4 = avril
month-of-5 = mai
month-of-6 = juin
month-of-7 = juillet
month-of-8 = août
month-of-9 = septembre
month-of-10 = octobre
month-of-11 = novembre
month-of-12 = décembre

weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche

## Dates : « 1er février 2025 », « 12 février 2025 »

date-day = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
date-month = { $month } { $year }
date-year = { $year }
date-with-weekday = { $weekday } { $date }
date-about = vers { $date }
date-between = entre le { $start } et le { $end }
date-from-onwards = à partir du { $start }
date-from = depuis le { $start }
date-until = jusqu'au { $end }
date-unknown-interval = inconnue
date-recently = récemment
date-unknown = date inconnue

## Notes entre parenthèses

note-uncertain = incertaine
note-start-uncertain = début incertain
note-end-uncertain = fin incertaine
note-start-unknown = début inconnu
note-end-unknown = fin inconnue
note-inferred = déduite
note-parts-inferred = par déduction : { $parts }
note-lead-stated = formulée « { $stated } » ; { $inferred }
note-same-basis = { $lead }, comme pour le { $earlier }.
note-exact-date-unknown = date exacte inconnue
part-year = année
part-month = mois
part-day = jour

## Chiffres : espace fine insécable avant %

figure-percent = { $n } %
figure-unit = { $n } { $unit }
figure-qualified = { $q } { $amount }
figure-between = entre { $low } et { $high }
figure-range = de { $low } à { $high }
figure-qualified-range = { $q } { $low } à { $high }
figure-each = { $amount } chacun
money-million = { $count ->
    [one] { $n } million
   *[other] { $n } millions
}
money-billion = { $count ->
    [one] { $n } milliard
   *[other] { $n } milliards
}
money-trillion = { $count ->
    [one] { $n } billion
   *[other] { $n } billions
}

## Qualificatifs, selon le mot de la source

qualifier-unqualified = tel quel
qualifier-exactly = exactement
qualifier-about = environ
qualifier-approximately = approximativement
qualifier-roughly = grosso modo
qualifier-around = autour de
qualifier-nearly = près de
qualifier-almost = presque
qualifier-close-to = près de
qualifier-over = plus de
qualifier-more-than = plus de
qualifier-under = moins de
qualifier-less-than = moins de
qualifier-at-least = au moins
qualifier-at-most = au plus
qualifier-up-to = jusqu'à
qualifier-between = entre

## Events: their kinds, statuses and the phrases naming them

event-label = { $kind } : { $names }
event-reference = { $kind } du { $date }
event-phone-call = entretien téléphonique
event-meeting = rencontre
event-talks = pourparlers
event-summit = sommet
event-visit = visite
event-speech = discours
event-annexation = annexion
event-military-action = opération militaire
event-agreement = accord
event-vote = vote
event-other = événement
status-held = a eu lieu
status-under-way = en cours
status-scheduled = prévu
status-proposed = proposé
status-postponed = reporté
status-cancelled = annulé

## Attribution and the chronology's relation words

according-to-who = selon { $who }
relation-after = après
relation-before = avant
relation-around = vers
relation-recent = récemment
placed-after = après : { $named }
placed-before = avant : { $named }
placed-around = vers : { $named }
placed-recently = récemment

## Actors and agreements

actor-person = personne
actor-state = État
actor-organisation = organisation
actor-group = groupe
actor-document = document
agreement-summary = { $head }, statut : { $status }
objection-rejects = rejette
agreement-agreement = accord
agreement-proposal = proposition
agreement-truce = trêve
agreement-ceasefire = cessez-le-feu
agreement-deal = accord
agreement-treaty = traité
agreement-resolution = résolution
agreement-proposed = proposé
agreement-under-negotiation = en négociation
agreement-agreed-in-principle = accepté sur le principe
agreement-agreed = conclu
agreement-signed = signé
agreement-in-force = en vigueur
agreement-violated = violé
agreement-collapsed = rompu
agreement-expired = expiré
agreement-rejected = rejeté
actor-members = Membres : { $names }.

## Statements as the chronology names them

statement-what = { $kind ->
    [quote] déclaration
    [position] prise de position
    [claim] affirmation
    [conditions] conditions posées
    [characterisation] commentaire
    [belief] avis
    [confirmation] confirmation
   *[other] déclaration
}
statement-reference = { $who } : { statement-what }
statement-reference-on = { $who } : { statement-what } sur { $issue }
statement-unattributed = Non attribuée : une déclaration
statement-unattributed-on = Non attribuée : une déclaration sur { $issue }
statement-by = une déclaration de { $names }
statement-by-nobody = une déclaration non attribuée

## Figures compared, open questions, vote thresholds

compared-with = à comparer avec { $figure }
open-question-line = Question ouverte : { $text }
vote-threshold = Seuil : { $threshold }
vote-result-threshold = { $result } ; seuil : { $threshold }

## Points clés qui nomment un élément, et autres phrases composées

clause = { $before }, { $next }
key-point-statement = { $who } : { $words }
key-point-claim = { $who }, dans une affirmation non vérifiée par la source : { $words }
key-point-labelled = { $label } : { $text }
key-point-target = échéance { $date }
key-point-held-by = contrôlé par { $who }
key-point-as-of = au { $date }
quoted = « { $text } »
speaker-verb = { $who }, { $verb }
according-to-verb = { $who } { $verb }
statement-short-on = { $who }, { $verb }, sur { $issue }
deadline-of = Échéance : { $title }
relation-aligns-with = rejoint
colon = {"\u202F"}:
label-colon = { $label }{ colon }

## Natures de déclaration : comme nom, et comme intitulé

statement-kind = { $kind ->
    [quote] citation
    [position] prise de position
    [claim] affirmation
    [conditions] conditions
    [characterisation] appréciation
    [belief] conviction
    [confirmation] confirmation
    [accusation] accusation
    [denial] démenti
   *[other] déclaration
}
statement-kind-label = { $kind ->
    [quote] Citation
    [position] Prise de position
    [claim] Affirmation (non vérifiée par la source)
    [conditions] Conditions
    [characterisation] Appréciation
    [belief] Conviction au sujet de tiers
    [confirmation] Confirmation
    [accusation] Accusation
    [denial] Démenti
   *[other] Déclaration
}

## Durée d'un accord

duration-length = { $unit ->
    [hours] { $n ->
        [one] { $n } heure
       *[other] { $n } heures
    }
    [weeks] { $n ->
        [one] { $n } semaine
       *[other] { $n } semaines
    }
    [months] { $n } mois
    [years] { $n ->
        [one] { $n } an
       *[other] { $n } ans
    }
   *[days] { $n ->
        [one] { $n } jour
       *[other] { $n } jours
    }
}
duration-compound = { duration-length }
agreement-with-length = { $kind } de { $length }

## Chiffres : portée, grandeur mesurée, statut territorial

applies-each-of = pour chacun ({ $whom })
applies-combined-of = pour l'ensemble ({ $whom })
applies-unclear-of = sans préciser s'il vaut pour chacun ({ $whom }) ou pour l'ensemble
applies-each-area = pour chaque zone
applies-areas-combined = pour l'ensemble des zones
applies-unclear-areas = sans préciser s'il vaut pour chaque zone ou pour l'ensemble
figure-measure = { $kind ->
    [territory] contrôle territorial
    [count] décompte
    [money] montant
    [votes] voix
    [share] part
   *[other] chiffre
}
control-status = { $status ->
    [annexed] annexé
    [occupied] occupé
    [claimed] revendiqué
   *[controlled] contrôlé
}

## Appréciations, sources et votes

likelihood = { $band ->
    [almost-no-chance] quasiment exclu (1–5 %)
    [very-unlikely] très improbable (5–20 %)
    [unlikely] improbable (20–45 %)
    [roughly-even] chances à peu près égales (45–55 %)
    [likely] probable (55–80 %)
    [very-likely] très probable (80–95 %)
   *[almost-certain] quasi certain (95–99 %)
}
confidence-level = { $level ->
    [low] faible
    [moderate] moyenne
   *[high] élevée
}
source-kind = { $kind ->
    [news-article] article de presse
    [agency-report] dépêche d'agence
    [official-statement] déclaration officielle
    [transcript] transcription
    [interview] entretien
    [social-media-post] publication sur un réseau social
    [dataset] jeu de données
    [report] rapport
   *[other] autre
}
ballot = { $ballot ->
    [for] Pour
    [against] Contre
    [abstain] Abstentions
   *[absent] Absents
}
vote-count = { $ballot ->
    [for] { $n } pour
    [against] { $n } contre
    [abstain] { $n ->
        [one] { $n } abstention
       *[other] { $n } abstentions
    }
   *[absent] { $n ->
        [one] { $n } absent
       *[other] { $n } absents
    }
}
vote-outcome = { $outcome ->
    [adopted] Adopté
   *[rejected] Rejeté
}
vote-outcome-tally = { vote-outcome } : { $tally }
