# Libellés des modèles intégrés. Voir locales/en/labels.ftl.

## Bandeau d'un exercice fictif

fictional-title = Scénario d'exercice fictif.
fictional-text = Les événements, les personnes et les chiffres de cette note sont inventés pour l'entraînement.
fictional-exercise = exercice fictif

## En-tête

dateline = Lieu
published = Publié
published-on = publiée le { $date }
as-of = À jour au
as-of-lower = au
flash-title = Flash : { $title }

## Sections

key-points = Points clés
key-point = Point clé
key-point-n = point clé { $n }
see = voir
actors = Acteurs
chronology = Chronologie
undated = Sans date
undated-note = La source ne date pas ces éléments, et rien ne les situe dans la séquence ci-dessus.
date-notes = Notes sur les dates
meetings = Rencontres
meetings-held = Tenues
meetings-under-way = En cours
meetings-upcoming = À venir
meetings-proposed = Proposées
meetings-called-off = Reportées ou annulées
votes = Votes
agreements = Accords et propositions
positions = Positions
other-statements = Autres déclarations
conditions-and-demands = Conditions et exigences
relations = Relations
territorial-control = Contrôle territorial
figures = Chiffres
figures-counts = Effectifs et décomptes
figures-money = Montants
figures-shares = Parts
figures-other = Autres chiffres
background = Contexte
outlook = Perspectives
judgments = Appréciations
judgments-note = Les appréciations de l'auteur, et non des faits rapportés par les sources.
gaps = Zones d'ombre
gaps-note = Ce que les sources laissent dans le flou.
sources = Sources
latest = Derniers développements
latest-undated-note = Rapportés sans date ; leur ordre n'est pas connu.
next = Prochaines échéances
caveats = Réserves
more-in-full-briefing = { $count ->
    [one] { $count } autre dans la note complète
   *[other] { $count } autres dans la note complète
}

## En-têtes de tableau et noms de champ

actor = Acteur
role-or-kind = Rôle ou nature
date = Date
what = Quoi
when = Quand
where = Où
status = Statut
participants = Participants
level = Niveau
purpose = Objet
topics = Sujets
follows = Fait suite à
note = Remarque
vote = Vote
body = Instance
result = Résultat
parties = Parties
proposed-by = Proposé par
duration = Durée
starts = Début
ends = Fin
target = Échéance
target-lower = échéance
from = Origine
term = Clause
objection = Objection
who = Qui
relation = Relation
with-whom = Avec qui
statement = Déclaration
controller = Contrôlé par
area = Zone
figure = Chiffre
measure = Mesure
according-to = Selon
sources-wording = Formulation de la source
evidence = Passage de la source
in-the-source = dans la source
includes = Comprend

## Autour du texte de l'auteur

not-named-in-sources = non nommé dans les sources
also = aussi { $names }
not-attributed = Non attribué
claim-not-verified = affirmation non vérifiée par la source
in-plain-words = En clair
no-speaker-named = Aucun locuteur nommé
belief-about = Conviction au sujet de
conditions = Conditions
aligns-with = Rejoint
rejected-by = Rejeté par { $name }
rejected-by-strength = Rejeté { $strength } par { $name }
reported-via = Rapporté par
set-out-by = Posées par { $names }
with = avec
conflicts-with = contredit
against = contre
of-areas = de
confidence = confiance { $level }
open-question = Question ouverte

## Page d'index

briefings = Notes
brief = Note
date-not-given = date non indiquée
no-briefs = Aucune note pour l'instant.

## Note des changements

what-changed = Ce qui a changé : { $title }
old = Ancienne
new = Nouvelle
previously-titled = Titre précédent
summary = Résumé
changed = Modifié
added = Ajouté
removed = Supprimé
renamed-from = renommé depuis { $id }

## Les passages d'une source sur lesquels repose un élément

source-passages = { $count ->
    [one] Passage de la source
   *[other] Passages de la source
}
source-passage-line = Passage de la source : { $text }
in-the-source-link = Dans la source

## Les phrases de la note des changements, composées dans le code

diff-no-changes = Aucun changement.
diff-summary = { $total ->
    [one] { $total } changement
   *[other] { $total } changements
} : { $parts }.
diff-brief-details = informations générales de la note : { diff-what }
diff-what = { $what ->
    [added] ajout
    [removed] suppression
   *[changed] modification
}
diff-part = { kind-nouns } : { $n } { $what ->
    [added] { $n ->
        [one] ajout
       *[other] ajouts
    }
    [removed] { $n ->
        [one] suppression
       *[other] suppressions
    }
   *[changed] { $n ->
        [one] modification
       *[other] modifications
    }
}
diff-kind-title = { $kind ->
    [brief] La note
    [key_point] Points clés
    [actor] Acteurs
    [source] Sources
    [place] Lieux
    [issue] Enjeux
    [event] Rencontres et événements
    [agreement] Accords et propositions
    [statement] Déclarations
    [figure] Chiffres
    [judgment] Appréciations
   *[gap] Zones d'ombre
}
kind-noun = { $kind ->
    [brief] note
    [key_point] point clé
    [actor] acteur
    [source] source
    [place] lieu
    [issue] enjeu
    [event] événement
    [agreement] accord
    [statement] déclaration
    [figure] chiffre
    [judgment] appréciation
   *[gap] zone d'ombre
}
kind-nouns = { $kind ->
    [brief] notes
    [key_point] points clés
    [actor] acteurs
    [source] sources
    [place] lieux
    [issue] enjeux
    [event] événements
    [agreement] accords
    [statement] déclarations
    [figure] chiffres
    [judgment] appréciations
   *[gap] zones d'ombre
}
diff-head-brief = La note
diff-head = { $noun } « { $label } »
diff-changed = { $head } : { $first }
diff-also = { $text } ; autres modifications : { $more }
diff-added = Ajout : { $noun }, { $label }
diff-removed = Suppression : { $noun }, { $label }
diff-none = (aucun)
diff-field = { $field ->
    [about] Au sujet de
    [according_to] Selon
    [aliases] Autres noms
    [aligns_with] Rejoint
    [applies_to] Portée
    [areas] Zones
    [as_of] À jour au
    [at] Lors de
    [background] Contexte
    [by] Locuteur
    [conditions] Conditions
    [confidence] Confiance
    [controller] Contrôlé par
    [date] Date
    [dateline] Lieu
    [description] Description
    [duration] Durée
    [end] Fin
    [fictional] Fictif
    [follows] Fait suite à
    [format] Format
    [from] Issu de
    [hedge] Réserve
    [id] Identifiant
    [includes] Comprend
    [issue] Enjeu
    [item] Élément
    [kind] Nature
    [level] Niveau
    [likelihood] Probabilité
    [location] Lieu de l'événement
    [measure] Grandeur mesurée
    [members] Membres
    [name] Nom
    [note] Remarque
    [outlook] Perspectives
    [part_of] Fait partie de
    [participants] Participants
    [parties] Parties
    [published] Publié
    [publisher] Éditeur
    [purpose] Objet
    [quote] Citation
    [quoted] Fragments cités
    [rejected_by] Rejeté par
    [reliability] Fiabilité
    [roles] Fonctions
    [sources] Sources
    [start] Début
    [stated] Formulation
    [status] Statut
    [target] Échéance
    [terms] Clauses
    [text] Texte
    [title] Titre
    [topics] Sujets
    [unattributed] Non attribué
    [unnamed] Non nommé
    [url] Lien
    [value] Valeur
    [verb] Verbe
    [via] Par l'intermédiaire de
    [vote] Vote
   *[vote_members] Votes des membres
}
diff-field-change = { $label } : { $old } → { $new }
diff-field-added = { $label } : ajout
diff-field-removed = { $label } : suppression
diff-field-reworded = { $label } : reformulation
# Whether a label or a capitalised phrase is lower-cased inside a sentence: `yes` or `no`.
lowercase-inside-sentence = yes
diff-as-of-changed = date de référence modifiée
diff-date-precise = date précisée au jour
diff-date-more-precise = date précisée au { diff-precision }
diff-date-less-precise = date moins précise, au { diff-precision }
diff-date-no-longer-worked-out = date moins précise, plus aucune date établie
diff-precision = { $precision ->
    [day] jour
    [month] mois
   *[year] année près
}
diff-date-now-stated = désormais indiquée, non plus déduite
diff-date-now-inferred = désormais en partie déduite
diff-not-compared = { $why ->
    [measure] une autre grandeur mesurée, non comparée
    [unit] une autre unité, non comparée
   *[range] une fourchette ou une formulation, non comparée
}
diff-unqualified = sans qualificatif
diff-same-number = le même nombre, désormais { $now }, auparavant { $was }
diff-delta = { $direction ->
    [up] en hausse
   *[down] en baisse
} { $approximate ->
    [yes] d'environ { diff-amount }
   *[no] de { diff-amount }
}
diff-amount = { $scale ->
    [percent] { $n ->
        [one] { $amount } point
       *[other] { $amount } points
    }
    [other] { $amount } { $unit }
   *[none] { $amount }
}
diff-participants = participants : { $names }
diff-parties = parties : { $names }
diff-on-issue = sur { $issue }
diff-quote = citation : { $text }
diff-quoted = fragments cités : { $text }
diff-conditions = conditions : { $text }
diff-notes = { $a } ; { $b }
diff-territory-label = { $named ->
    [yes] Contrôle territorial de { $areas } par { $controller }
   *[no] Contrôle territorial de { $areas }
}

## Le rapport de couverture de brief verify

verify-title = Couverture : { $title }
verify-summary = phrases { $sentences }, nombres { $numbers }, noms { $names }, dates { $dates }, citations textuelles { $quotes }
verify-what = { $what ->
    [sentence] phrase
    [number] nombre
    [name] nom
    [date] date
   *[quote] citation
}
verify-kind = { $what ->
    [sentence] Phrases
    [number] Nombres
    [name] Noms
    [date] Dates
   *[quote] Citations
}
verify-kind-header = Nature
verify-covered = Couverts
verify-total = Total
verify-not-covered-what = non couvert ({ $what }) : { $text }
verify-at = { $what }, ligne { $line }, colonne { $column } : { $text }
verify-source = Source { $source } : { $file }
verify-not-covered = Non couvert
verify-not-covered-lower = non couvert
verify-all-covered = Tout est couvert.
verify-covered-by = couvert par : { $items }
verify-legend-passage = un passage de la note
verify-legend-gap = une phrase qu'aucun passage n'atteint
verify-legend-miss = non pris en compte
