// Desk KPIs: approval accuracy, approval time, SLA attainment and the reasons behind them, per period.

export type { ReasonCount, StepReasonCount } from './breakdowns.ts';
export { NO_CATEGORY_LABEL } from './breakdowns.ts';
export type { ApprovalAccuracy, ApprovalTime, DeskKpis, KpiCounts } from './desk-kpis.ts';
export { billingStepOf, computeDeskKpis } from './desk-kpis.ts';
export type { KpiPeriod, KpiPeriodKind, KpiPeriodWhich, PeriodCalendar } from './period.ts';
export { inPeriod, KPI_PERIOD_KINDS, kpiPeriod } from './period.ts';
export type { KpiClock, KpiEvent, KpiInput, KpiRequest, KpiTargets } from './records.ts';
export { kpiEventsOf } from './records.ts';
export type { SlaFigure } from './sla-attainment.ts';
export { AT_RISK_SHARE } from './sla-attainment.ts';
export { median, nearestRankPercentile, percent } from './stats.ts';
