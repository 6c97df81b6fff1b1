/** What the server answers the sidebar and the menu when something fails: in the user's language. */
export const server = {
  'server.unexpected': 'Something went wrong in the add-on ({detail}). Your sheets were not changed.',
  'server.badSettings': 'The sidebar sent settings the add-on cannot read: {detail}. Reload the sidebar.',
} as const;
