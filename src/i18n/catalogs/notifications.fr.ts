import type { NOTIFICATIONS_EN } from './notifications.en';

/** In-app notification texts in French (see notifications.en.ts). */
export const NOTIFICATIONS_FR: Record<keyof typeof NOTIFICATIONS_EN, string> = {
  'notification.project.title': '{reference} : {what}',
  'notification.project.body': '{projectTitle} — {what} par {actor}.',
  'notification.projectBudget.title': '{reference} : {what}',
  'notification.projectBudget.body': '{projectTitle} ({budget}) — {what} par {actor}.',
  'notification.general.title': '{what}',
  'notification.general.body': '{what} par {actor}.',
  'notification.compactPublished.title': 'Version {number} du HERO Compact publiée',
  'notification.compactPublished.body':
    'Publiée le {publishedAt}. Prenez-en connaissance avant votre prochaine soumission, évaluation ou décision.',
  'notification.compactPublishedUndated.title': 'Version {number} du HERO Compact publiée',
  'notification.compactPublishedUndated.body': 'Prenez-en connaissance avant votre prochaine soumission, évaluation ou décision.',
  'notification.slaBreached.title': '{reference} : délai {stage} dépassé',
  'notification.slaBreached.body': '{projectTitle} attend au-delà de son délai {stage} (échéance : {dueAt}).',
  'notification.webhookDisabled.title': 'Un abonnement webhook a été désactivé',
  'notification.webhookDisabled.body':
    'Les livraisons vers {url} ont échoué {failures} fois de suite : l’abonnement a été désactivé. Corrigez le récepteur, réactivez-le (PATCH /api/v1/webhooks/{subscriptionId} avec {"enabled": true}) et relancez ce qu’il a manqué.',

  'notification.what.project.submitted': 'soumis pour évaluation',
  'notification.what.project.resubmitted': 'soumis à nouveau après modifications',
  'notification.what.project.assigned': 'affecté à un conseiller',
  'notification.what.project.info_requested': 'le conseiller pose une question',
  'notification.what.project.info_provided': 'l’équipe a répondu',
  'notification.what.assessment.submitted': 'évaluation des risques soumise, en attente de décision',
  'notification.what.project.decided': 'décidé',
  'notification.what.project.cosigned': 'cosignature décidée',
  'notification.what.condition.updated': 'une condition d’approbation a changé',
  'notification.what.project.withdrawn': 'retiré',
  'notification.what.project.amended': 'amendé, de retour en revue',
  'notification.what.project.delivery_started': 'réalisation démarrée',
  'notification.what.project.launched': 'lancé',
  'notification.what.project.retired': 'arrêté',
  'notification.what.kpi.off_track': 'un indicateur dévie de sa cible',
  'notification.what.sla.breached': 'délai dépassé',
  'notification.what.compact.published': 'une nouvelle version du HERO Compact',

  'notification.outcome.approve': 'approuvé',
  'notification.outcome.reject': 'rejeté',
  'notification.outcome.request_changes': 'modifications demandées',
  'notification.outcome.cosign': 'cosigné',
  'notification.outcome.decline': 'cosignature refusée',
};
