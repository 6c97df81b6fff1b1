/** The add-on menu (Extensions → Retention Analytics) and its alerts: in the user's language. */
export const menu = {
  'menu.openReport': 'Open cohort report',
  'menu.refresh': 'Refresh summary',
  'menu.noSettings': 'No summary settings yet: open the cohort report from the add-on menu and generate a summary first.',
  'menu.refreshed': 'Retention Analytics refreshed',
} as const;
