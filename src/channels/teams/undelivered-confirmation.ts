// A turn that stored a return but could not send its confirmation: the error carries what the person is
// to be told ("Your return for 2.2 2015/16 Q4 was stored as revision 2 …"), so the turn's apology says
// the return is safe instead of asking them to try again.
export class UndeliveredConfirmation extends Error {
  constructor(
    readonly told: string[],
    cause: unknown,
  ) {
    super("a stored return's confirmation could not be delivered", { cause });
    this.name = 'UndeliveredConfirmation';
  }
}
