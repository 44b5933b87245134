/**
 * The published risk framework (v1) is data the server sends in English. These texts translate it
 * through useI18n().known(key, serverText): only while the server's text is still the English one
 * below, so a CIO's reworded framework shows as written instead of an outdated translation.
 */
export const en = {
  'dimension.security.name': 'Security',
  'dimension.security.guidance':
    'Could someone break in, steal or change information, or take the service down? Think of accounts, passwords, and anything reachable from the internet.',
  'dimension.privacy.name': 'Privacy & data protection',
  'dimension.privacy.guidance':
    'Does it collect or use information about individual people? The more personal the information, and the more people, the more care the law and our customers expect.',
  'dimension.compliance.name': 'Regulatory compliance',
  'dimension.compliance.guidance':
    'Are there laws, industry rules or contracts it must follow? Breaking them can mean fines, orders to stop, or lost licences.',
  'dimension.brand.name': 'Brand & reputation',
  'dimension.brand.guidance':
    'Could it embarrass the company or lose customers’ trust if it goes wrong in public? Anything that speaks in the company’s name is visible to everyone.',
  'dimension.operations.name': 'Operations & support',
  'dimension.operations.guidance':
    'Who keeps it running, answers questions and fixes it at 3 a.m.? A service customers depend on needs an owner, monitoring and a plan for when it breaks.',
  'dimension.vendor.name': 'Vendor & third party',
  'dimension.vendor.guidance':
    'Does it depend on an outside company or online service? We inherit their security, their reliability and their terms — and need a way out if they fail.',
  'dimension.financial.name': 'Financial',
  'dimension.financial.guidance':
    'How much money is at stake, and could costs run away? Think of the budget, running costs that grow with use, and money customers pay through it.',
  'dimension.integration.name': 'Integration with core systems',
  'dimension.integration.guidance':
    'Does it connect to the company’s own systems — orders, customer records, billing? A connection can slow those systems down, corrupt their data, or open a door into them.',
  'scale.likelihood.1': 'Rare',
  'scale.likelihood.2': 'Unlikely',
  'scale.likelihood.3': 'Possible',
  'scale.likelihood.4': 'Likely',
  'scale.likelihood.5': 'Almost certain',
  'scale.impact.1': 'Negligible',
  'scale.impact.2': 'Minor',
  'scale.impact.3': 'Moderate',
  'scale.impact.4': 'Major',
  'scale.impact.5': 'Severe',
} as const;

export const fr = {
  'dimension.security.name': 'Sécurité',
  'dimension.security.guidance':
    'Quelqu’un pourrait-il s’introduire, voler ou modifier des informations, ou rendre le service indisponible ? Pensez aux comptes, aux mots de passe et à tout ce qui est accessible depuis internet.',
  'dimension.privacy.name': 'Vie privée et protection des données',
  'dimension.privacy.guidance':
    'Collecte-t-il ou utilise-t-il des informations sur des personnes ? Plus les informations sont personnelles et plus les personnes sont nombreuses, plus la loi et nos clients attendent de précautions.',
  'dimension.compliance.name': 'Conformité réglementaire',
  'dimension.compliance.guidance':
    'Doit-il respecter des lois, des règles du secteur ou des contrats ? Les enfreindre peut entraîner des amendes, des injonctions d’arrêt ou la perte de licences.',
  'dimension.brand.name': 'Marque et réputation',
  'dimension.brand.guidance':
    'Pourrait-il embarrasser l’entreprise ou faire perdre la confiance des clients s’il échoue en public ? Tout ce qui parle au nom de l’entreprise est visible de tous.',
  'dimension.operations.name': 'Exploitation et support',
  'dimension.operations.guidance':
    'Qui le fait tourner, répond aux questions et le répare à 3 h du matin ? Un service dont les clients dépendent a besoin d’un responsable, d’une supervision et d’un plan en cas de panne.',
  'dimension.vendor.name': 'Prestataires et tiers',
  'dimension.vendor.guidance':
    'Dépend-il d’une entreprise extérieure ou d’un service en ligne ? Nous héritons de leur sécurité, de leur fiabilité et de leurs conditions — et il faut pouvoir en sortir s’ils font défaut.',
  'dimension.financial.name': 'Finances',
  'dimension.financial.guidance':
    'Combien d’argent est en jeu, et les coûts peuvent-ils déraper ? Pensez au budget, aux coûts d’exploitation qui augmentent avec l’usage et à l’argent que les clients paient par ce biais.',
  'dimension.integration.name': 'Intégration aux systèmes centraux',
  'dimension.integration.guidance':
    'Se connecte-t-il aux systèmes de l’entreprise — commandes, fichiers clients, facturation ? Une connexion peut ralentir ces systèmes, corrompre leurs données ou y ouvrir une porte.',
  'scale.likelihood.1': 'Rare',
  'scale.likelihood.2': 'Peu probable',
  'scale.likelihood.3': 'Possible',
  'scale.likelihood.4': 'Probable',
  'scale.likelihood.5': 'Quasi certain',
  'scale.impact.1': 'Négligeable',
  'scale.impact.2': 'Mineur',
  'scale.impact.3': 'Modéré',
  'scale.impact.4': 'Majeur',
  'scale.impact.5': 'Grave',
} as const satisfies Record<keyof typeof en, string>;
