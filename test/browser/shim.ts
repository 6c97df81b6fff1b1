/**
 * The page side of the google.script.run bridge, as plain JavaScript source for page.addInitScript (a
 * string, so no test transform can inject helpers into it). Like Apps Script's runner: every
 * with…Handler returns a new runner, any other property is a server function, arguments and results
 * travel as JSON, handlers run asynchronously, and a failure arrives as an Error carrying the message.
 */
export function googleScriptShim(binding: string): string {
  return `(() => {
  const binding = ${JSON.stringify(binding)};
  const makeRunner = (success, failure, userObject) => new Proxy({}, {
    get(_target, prop) {
      if (prop === 'withSuccessHandler') return (h) => makeRunner(h, failure, userObject);
      if (prop === 'withFailureHandler') return (h) => makeRunner(success, h, userObject);
      if (prop === 'withUserObject') return (u) => makeRunner(success, failure, u);
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      return (...args) => {
        window[binding](prop, JSON.stringify(args)).then((reply) => {
          const r = JSON.parse(reply);
          if (r.ok) { if (success) success(r.value, userObject); }
          else if (failure) failure(new Error(r.message), userObject);
        });
      };
    },
  });
  window.google = { script: { run: makeRunner(null, null, undefined) } };
})();`;
}
