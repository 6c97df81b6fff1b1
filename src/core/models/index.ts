// Public API of the customer-value models. The Sheets adapter needs only scoreCustomers; the rest is for
// callers that already hold an RFM summary or fitted parameters.
export { scoreCustomers, type CustomerScores, type CustomerValueResult, type ModelSummary, type ScoreOptions } from './scoreCustomers';
export { DEFAULT_HORIZON_MONTHS, DEFAULT_MONTHLY_DISCOUNT, MAX_SHEET_HORIZON_MONTHS, scoreParsedLog, type LogScoreOptions } from './scoreLog';
export { summarizeRfm, type LeftOutOfSpend, type RfmOptions, type RfmSummary, type TransactionLog } from './rfm';
export {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesIfAlive,
  bgNbdProbabilityAlive,
  fitBgNbd,
  type BgNbdFit,
  type BgNbdParams,
} from './bgnbd';
export { fitGammaGamma, gammaGammaExpectedValue, type GammaGammaFit, type GammaGammaParams } from './gammagamma';
export { customerLifetimeValue, discountedExpectedPurchases, type ClvHorizon } from './clv';
export { DAYS_PER_MONTH, monthsToUnit, parseTimeUnit, type TimeUnit } from './timeUnits';
export type { CustomerHistories } from './customerGroups';
export type { FitDiagnostics } from './fitResult';
export { DEFAULT_AT_RISK, checkAtRiskOptions, selectAtRisk, topShareByPastValue, type AtRiskLists, type AtRiskOptions, type ListedCustomer, type TopShare } from './atRisk';
export { ifActive, type IfActive } from './ifActive';
export { describeRecency, recencyOf, type Recency } from './recency';
export { averageCostPerPurchase, costToServe, NO_COST, type CostColumns, type CostInput, type CostPerPurchase, type CostRates } from './costToServe';
export { bgNbdSurvivalIfAlive, discountedActiveMonthsIfAlive } from './bgnbdSurvival';
export { CORRELATION_WARNING, MIN_REPEAT_BUYERS, modelWarnings, modelWarningsOf, type ModelWarning, type ModelWarningKind } from './trust';
export { customerLists, LIST_HEADERS, NET_LIST_HEADERS, type CustomerLists, type ListRow } from './customerLists';
export { anyCostRate, NO_COST_RATES, resolveSegmentRates, type CostRateSettings, type ResolvedRates, type SegmentCostRates } from './segmentCosts';
