/**
 * Rewrites the user's search document from the current rows. Called in the same transaction as any
 * change to names, username or identifications, so search never disagrees with the user.
 */
export async function refreshUserSearchDoc(db, userId) {
    const user = await db
        .selectFrom('users')
        .select(['id', 'username', 'first_name', 'last_name'])
        .where('id', '=', userId)
        .executeTakeFirst();
    if (!user)
        return;
    const identifications = await db
        .selectFrom('identifications')
        .select(['type', 'identifier'])
        .where('user_id', '=', userId)
        .execute();
    const join = (type) => identifications
        .filter((row) => row.type === type)
        .map((row) => row.identifier)
        .join('\n');
    const columns = {
        ids: user.id,
        emails: join('email_address'),
        phones: join('phone_number'),
        usernames: user.username ?? '',
        web3_wallets: join('web3_wallet'),
        names: [user.first_name, user.last_name].filter(Boolean).join(' '),
    };
    const doc = { ...columns, everything: Object.values(columns).filter(Boolean).join('\n') };
    await db
        .insertInto('user_search_docs')
        .values({ user_id: userId, ...doc })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(doc))
        .execute();
}
//# sourceMappingURL=user-search-repository.js.map