/**
 * The customer-value models' warnings, notes and refusals (src/core/models). Shown on the "Customer
 * value" sheet and in =CLV (the spreadsheet's language) and in the sidebar (the user's language).
 * {model} is a model's name (BG/NBD, Gamma-Gamma), never translated.
 */
export const models = {
  // When the fitted models cannot be taken at face value.
  'model.warn.purchaseAtBoundary':
    'The purchase model (BG/NBD) found no best fit: the data look like a limiting case of it (for example everyone buying at the same pace, or nobody dropping out), so P(alive), expected purchases and CLV are only approximate.',
  'model.warn.purchaseNotConverged': 'The purchase model (BG/NBD) did not converge, so P(alive), expected purchases and CLV are unreliable.',
  'model.warn.spendAtBoundary':
    'The spend model (Gamma-Gamma) found no best fit: the data look like a limiting case of it (for example every customer spending alike), so expected values per purchase and CLV are only approximate.',
  'model.warn.spendNotConverged': 'The spend model (Gamma-Gamma) did not converge, so expected values per purchase and CLV are unreliable.',
  'model.warn.spendNoMean': 'The spend model (Gamma-Gamma) has no finite average (q ≤ 1): customers without a repeat purchase get no expected value and no CLV.',
  'model.warn.fewRepeatBuyers': {
    one: 'Only {count} of {customers} customers bought more than once: how often customers buy and when they stop is estimated from few of them, so treat P(alive) and CLV as rough ({min} or more repeat buyers are needed for a firm fit).',
    other: 'Only {count} of {customers} customers bought more than once: how often customers buy and when they stop is estimated from few of them, so treat P(alive) and CLV as rough ({min} or more repeat buyers are needed for a firm fit).',
  },
  'model.warn.fewSpendCustomers':
    'Only {spend} customers have a repeat purchase with a positive amount: their spend is estimated from few of them, so treat expected values and CLV as rough ({min} or more are needed for a firm fit).',
  'model.warn.correlation':
    'Spend and purchase frequency are correlated (ρ = {rho}): the spend model assumes they are independent, so expected values and CLVs may be biased.',

  // How a fit ended.
  'model.fit.boundary':
    '{model}: no finite best fit; the likelihood keeps rising as {params}. The data look like a limiting case of the model, so the parameters are not estimates and predictions are approximate',
  'model.fit.toInfinity': '{name} → infinity',
  'model.fit.toZero': '{name} → 0',
  'model.fit.notConverged': '{model}: the fit did not converge ({reason}); its parameters and predictions are unreliable',
  'model.fit.converged': { one: '{model}: converged after {count} iteration', other: '{model}: converged after {count} iterations' },
  'model.fit.noMean': '{fit}; q ≤ 1 means the spend distribution has no finite mean, so customers without repeat purchases get no expected value',
  'model.stop.notFinite': 'the objective is not finite at the starting point',
  'model.stop.tolerance': 'gradient below tolerance',
  'model.stop.resolution': 'converged to floating-point resolution (gradient {gradient})',
  'model.stop.resolutionFlat': 'converged to floating-point resolution (gradient {gradient}; no lower value can be resolved)',
  'model.stop.lineSearch': 'the line search failed to find a lower value; gradient {gradient}',
  'model.stop.runaway': 'a parameter is running off towards 0 or infinity (the likelihood has no finite maximum)',
  'model.stop.iterations': { one: 'stopped after {count} iteration; gradient {gradient}', other: 'stopped after {count} iterations; gradient {gradient}' },

  // Notes under the model: what the fit left out.
  'model.note.leftOut': '{items} left out of the spend model (repeat purchases, net per day)',
  'model.note.refunds': { one: '{count} refund', other: '{count} refunds' },
  'model.note.zeroAmounts': { one: '{count} zero amount', other: '{count} zero amounts' },
  'model.note.missingAmounts': { one: '{count} purchase without an amount', other: '{count} purchases without an amount' },
  'model.note.refundOnlyDays': {
    one: '{count} day with refunds only (negative amounts) not counted as a purchase; its amounts count in past value',
    other: '{count} days with refunds only (negative amounts) not counted as purchases; their amounts count in past value',
  },
  'model.note.rowsAfterEnd': { one: '{count} row after the observation end {date} ignored', other: '{count} rows after the observation end {date} ignored' },

  // Why the models cannot be fitted, or a setting they refuse.
  'model.error.fewCustomers': 'The purchase model needs at least {min} customers with a purchase in the observation period; got {count}',
  'model.error.noRepeat':
    'Nobody made a repeat purchase: all {count} customers bought on one day only, so how often customers buy again and when they stop cannot be estimated. The model needs customers who bought on at least two different days.',
  'model.error.fewSpend': 'The spend model needs at least {min} customers with a repeat purchase of positive amount; got {count}',
  'model.error.emptyLog': 'The transaction log is empty: there are no purchases to summarise',
  'model.error.nothingBeforeEnd': 'No purchases on or before the observation end {date}; the log starts later',
  'model.error.endBeforeData': 'The observation end {date} is before the first date in the data ({first}).',
  'model.error.horizon': 'The horizon must be a whole number of months from 1 to {max}; got {got}',
  'model.error.discount': 'The monthly discount rate must be a number of 0 or more, such as {example} for {examplePercent} a month; got {got}',
  'model.error.topShare': 'The top share by past value must be above 0% and at most 100% (got {got}).',
  'model.error.aliveBelow': 'The P(alive) threshold must be above 0% and at most 100% (got {got}).',
  'model.error.aliveFloor': 'The P(alive) floor must be at least 0% and below the threshold of {below} (got {got}).',
} as const;
