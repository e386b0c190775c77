import type { DataSource } from 'typeorm';

let holds = 0;

/**
 * Makes the save of every turn that answers `address` wait until `release()`, as a slow database
 * would: the reply's insert waits on a lock this holds. The turn keeps its conversation meanwhile.
 */
export async function holdRepliesTo(db: DataSource, address: string): Promise<{ release(): Promise<void> }> {
  const key = 4000 + ++holds;
  const name = `hold_replies_${key}`;
  await db.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.direction = 'outbound' AND NEW.to_address = '${address}' THEN PERFORM pg_advisory_xact_lock(${key}); END IF;
      RETURN NEW;
    END $$`);
  await db.query(`CREATE TRIGGER ${name} BEFORE INSERT ON message FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  const holder = db.createQueryRunner();
  await holder.connect();
  await holder.startTransaction();
  await holder.query(`SELECT pg_advisory_xact_lock(${key})`);
  return {
    async release() {
      await holder.commitTransaction();
      await holder.release();
      await db.query(`DROP TRIGGER ${name} ON message`);
      await db.query(`DROP FUNCTION ${name}()`);
    },
  };
}
