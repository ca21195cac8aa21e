namespace Mainstay.Data;

/// <summary>
/// Why a user's request was refused; each front end answers it in its own way (an HTTP
/// status, a message on the page, an exit status).
/// </summary>
public enum Refusal
{
    None,
    /// <summary>What was asked for (a row, a table, a plan) does not exist for the user (it may, hidden from them).</summary>
    NotFound,
    /// <summary>The public may not write: signing in might allow it.</summary>
    SignInNeeded,
    /// <summary>The signed-in user may not do this (write this row, as it is or as it would be; make a plan).</summary>
    Forbidden,
    /// <summary>A change or removal must name the version of the row it was made on (its ETag).</summary>
    PreconditionRequired,
    /// <summary>The row changed since the user read it.</summary>
    Stale,
    /// <summary>A row with that key exists already.</summary>
    Exists,
    /// <summary>The row, or the ledger with it, would not be valid.</summary>
    Invalid,
    /// <summary>The request asks for what the table cannot give: a column it lacks, a page out of range.</summary>
    BadQuery,
}

