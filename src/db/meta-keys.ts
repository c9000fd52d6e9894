/**
 * Keys of the `meta` table that more than one module of src/db reads or writes, spelled once here so that
 * the backup code and the stores need not import each other.
 */

/**
 * Set while the outbox's records may not show everything the bot posted (a new or restored database): the
 * channel is read before anything is posted (Outbox, docs/outbox.md). Restore sets it too.
 */
export const channelUncheckedKey = 'outbox_channel_unchecked';
