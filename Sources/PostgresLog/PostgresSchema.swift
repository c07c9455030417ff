import Foundation

/// The tables a PostgreSQL log lives in, in schema `kernteam`. One row per line: the stream (one per
/// kern log), the sequence number and the line's exact bytes. The database itself keeps it
/// append-only and chained, for every role, its owner included:
/// - UPDATE, DELETE and TRUNCATE are refused by triggers;
/// - an INSERT must continue the stream: the next sequence number, a header in the log's order,
///   and a `prev` that is the SHA-256 of the line before; one line, no line breaks;
/// - every INSERT notifies channel `kernteam_log` with the stream's name, which wakes open apps.
/// A superuser or the owner can still drop a trigger; `verify` and checkpoints catch what follows.
enum PostgresSchema {
    static let version = 1
    static let notifyChannel = "kernteam_log"
    /// Serialises creating the schema between processes that start at the same time.
    static let setupLockKey = 0x6b65726e_7465616d

    static let create = """
    CREATE SCHEMA IF NOT EXISTS kernteam;
    CREATE TABLE IF NOT EXISTS kernteam.schema_version (version integer NOT NULL);
    CREATE TABLE IF NOT EXISTS kernteam.log_lines (
        stream text NOT NULL CHECK (stream <> ''),
        seq bigint NOT NULL CHECK (seq > 0),
        line bytea NOT NULL CHECK (position('\\x0a'::bytea IN line) = 0 AND position('\\x0d'::bytea IN line) = 0),
        PRIMARY KEY (stream, seq)
    );
    CREATE OR REPLACE FUNCTION kernteam.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'kernteam: het log is alleen aan te vullen; % geweigerd', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE OR REPLACE FUNCTION kernteam.check_append() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        last_seq bigint;
        last_line bytea;
        expected_prev text;
    BEGIN
        SELECT seq, line INTO last_seq, last_line FROM kernteam.log_lines
            WHERE stream = NEW.stream ORDER BY seq DESC LIMIT 1;
        IF NEW.seq <> COALESCE(last_seq, 0) + 1 THEN
            RAISE EXCEPTION 'kernteam: volgnummer % past niet na %', NEW.seq, COALESCE(last_seq, 0)
                USING ERRCODE = 'check_violation';
        END IF;
        expected_prev := CASE WHEN last_line IS NULL THEN repeat('0', 64) ELSE encode(sha256(last_line), 'hex') END;
        -- The header in the log's own order, checked on its first bytes (ASCII by construction;
        -- escape encoding keeps any other byte from mattering).
        IF encode(substring(NEW.line FROM 1 FOR 300), 'escape')
           !~ ('^[{]"v":[0-9]+,"seq":' || NEW.seq || ',"ts":"[^"]*","role":"[^"]*","prev":"' || expected_prev || '",') THEN
            RAISE EXCEPTION 'kernteam: regel % sluit niet aan op de hash-keten', NEW.seq
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$;
    CREATE OR REPLACE FUNCTION kernteam.notify_append() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_notify('kernteam_log', NEW.stream);
        RETURN NULL;
    END $$;
    DROP TRIGGER IF EXISTS refuse_update_delete ON kernteam.log_lines;
    CREATE TRIGGER refuse_update_delete BEFORE UPDATE OR DELETE ON kernteam.log_lines
        FOR EACH ROW EXECUTE FUNCTION kernteam.refuse_change();
    DROP TRIGGER IF EXISTS refuse_truncate ON kernteam.log_lines;
    CREATE TRIGGER refuse_truncate BEFORE TRUNCATE ON kernteam.log_lines
        FOR EACH STATEMENT EXECUTE FUNCTION kernteam.refuse_change();
    DROP TRIGGER IF EXISTS check_append ON kernteam.log_lines;
    CREATE TRIGGER check_append BEFORE INSERT ON kernteam.log_lines
        FOR EACH ROW EXECUTE FUNCTION kernteam.check_append();
    DROP TRIGGER IF EXISTS notify_append ON kernteam.log_lines;
    CREATE TRIGGER notify_append AFTER INSERT ON kernteam.log_lines
        FOR EACH ROW EXECUTE FUNCTION kernteam.notify_append();
    INSERT INTO kernteam.schema_version (version) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM kernteam.schema_version);
    """
}
