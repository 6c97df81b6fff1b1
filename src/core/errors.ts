/**
 * An error the user caused and can fix. Its message is shown as-is (in the cell's #ERROR! tooltip or
 * the sidebar), so it must name the argument, column or row and say what was expected.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
