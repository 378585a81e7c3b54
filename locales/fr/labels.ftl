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
