# Les mots des graphiques : titres, descriptions pour les lecteurs d'écran,
# légendes, légendes de figure et mois de l'axe du temps.

## La chronologie

chart-chronology-desc = Frise chronologique, du plus ancien au plus récent ; chaque période est à l'échelle, avec des coupures là où du temps est omis.
chart-chronology-caption = Chronologie sur un axe du temps : chaque période est à l'échelle ; les coupures marquent le temps omis. Les dates que la source ne donne qu'en partie sont tracées comme des plages ou des marques estompées, jamais comme des jours exacts.
chart-legend-held = a eu lieu, ou s'est produit
chart-legend-planned = prévu ou proposé (tirets, creux)
chart-legend-off = reporté ou annulé (barré)
chart-legend-statement = déclaration
chart-legend-span = barre : seuls le mois ou l'année sont connus, ou une période
chart-legend-fuzzy = estompé : approximatif, ou date inconnue
chart-legend-inferred = anneau pointillé, * : année ou autre partie déduite, non indiquée
chart-legend-break = coupure de l'axe : temps omis
chart-parts-inferred = (par déduction : { $parts })
chart-exact-date-unknown = (date exacte inconnue)

## Les relations

chart-relations-desc = Qui rejoint ou rejette la position de qui, une relation par ligne :
chart-relations-caption = Relations entre les acteurs, une par ligne : qui rejoint ou rejette la position de qui. Les rencontres figurent sous Rencontres.
chart-legend-aligns = rejoint (flèche)
chart-legend-rejects = rejette la position de (tirets, barre finale)
chart-with = avec { $link }

## Le contrôle territorial

chart-territory-desc = Diagramme en barres de la part de chaque zone sous le contrôle de l'acteur, sur une échelle de 0 à 100 %.
chart-territory-desc-end = Les chiffres assortis d'un qualificatif sont tracés comme des bornes ou des fourchettes, non comme des valeurs exactes.
chart-territory-caption = Contrôle territorial : chaque barre est la part de la zone aux mains de l'acteur.
chart-territory-as-of = À jour au : { $date }.
chart-territory-not-percent = Les chiffres qui ne sont pas en pourcentage figurent seulement dans le tableau.
chart-status-by = { $status } par { $controller }
chart-including = dont { $names }
chart-as-of = (au { $date })
chart-legend-solid = plein : la part
chart-legend-range = hachuré : laissé ouvert par le qualificatif
chart-legend-bound = tirets et flèche : borne en deçà ou au-delà de laquelle se situe la valeur

## Les sources des légendes

chart-sources = { $count ->
    [one] Source :
   *[other] Sources :
}

## Les mois de l'axe du temps, abrégés

month-short-1 = janv.
month-short-2 = févr.
month-short-3 = mars
month-short-4 = avr.
month-short-5 = mai
month-short-6 = juin
month-short-7 = juil.
month-short-8 = août
month-short-9 = sept.
month-short-10 = oct.
month-short-11 = nov.
month-short-12 = déc.
