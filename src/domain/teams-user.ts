// A Teams user's MRI from their Entra object id: the form an Adaptive Card's `refresh.userIds` accepts
// for someone whose Bot Framework id (`29:…`, sent as `from.id`) the bot has not seen yet.
export const teamsUserMri = (aadObjectId: string): string => `8:orgid:${aadObjectId}`;
