namespace LruAspire.Api.Store;

/// <summary>
/// A write reached PostgreSQL, or may have, but no answer came back (a timeout or a broken connection), so it may
/// or may not have committed. The API answers 504, never "applied" and never "not applied": a write stuck in a
/// hung server's socket commits when the server resumes, long after the client was answered.
/// </summary>
public sealed class WriteOutcomeUnknownException(Exception innerException)
    : Exception("PostgreSQL did not confirm the write; it may or may not have been applied.", innerException);
