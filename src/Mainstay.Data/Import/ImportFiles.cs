using Mainstay.Access;
using Mainstay.Data.Storage;
using Mainstay.Problems;

namespace Mainstay.Data.Import;

/// <summary>
/// A user imports ledger files (CSV or Excel), all or nothing: every file and row is checked first,
/// then the ledger's own checks run on the rows that passed, so one run reports every problem of
/// every file; only a clean import is applied (or, for a dry run, worked out and rolled back), with
/// its audit entries. A desk or officer imports only its own nation's rows of the tables it may write.
/// The command line and the Import page call this; each opens the ledger its own way: read-only for
/// a check (<see cref="Read.NeedsWrite"/> false), writable to apply.
/// </summary>
public static class ImportFiles
{
    /// <param name="KindName">The table every file holds, when the file names do not say.</param>
    public sealed record Request(IReadOnlyList<string> Paths, string? KindName, ImportOptions Options);

    /// <summary>The files read and checked on their own, and what the user may not import.</summary>
    public sealed record Read(Request Request, IReadOnlyList<ValidatedTable> Tables, IReadOnlyList<Problem> Problems)
    {
        /// <summary>Whether applying it writes the ledger (a clean import that is not a dry run).</summary>
        public bool NeedsWrite => Problems.Count == 0 && !Request.Options.DryRun;

        /// <summary>
        /// Whether the ledger has anything to add: not when a file holds a table the user may not write,
        /// so that what the ledger holds there is never told.
        /// </summary>
        public bool AsksLedger { get; init; } = true;
    }

    /// <summary>Reads and checks the files without touching the ledger.</summary>
    /// <param name="writer">The user importing; null: the ledger's operator, who may write every table.</param>
    public static Read ReadFiles(Request request, User? writer, IProgress<ImportProgress>? progress = null)
    {
        var (tables, problems) = LedgerImport.ReadFiles(
            request.Paths, request.KindName, progress, partial: request.Options.Scope is not null);
        if (writer is null)
            return new Read(request, tables, problems);
        var refused = tables.Where(t => !AccessPolicy.CanWriteTable(writer, t.Kind.Id))
            .Select(t => new Problem(t.Source, "", $"{writer.Describe()} may not import {t.Kind.Name}")).ToArray();
        return new Read(request, tables, [.. problems, .. refused]) { AsksLedger = refused.Length == 0 };
    }

    /// <summary>
    /// With files that have problems: every problem, the ledger's on the rows that passed included. Else
    /// the import applied (or worked out, for a dry run), or the ledger's problems with it.
    /// </summary>
    public static async Task<ImportOutcome> HandleAsync(
        LedgerDatabase db, Read read, string actor, TimeProvider clock, IProgress<ImportProgress>? progress = null,
        CancellationToken cancel = default)
    {
        var options = read.Request.Options;
        if (read.Problems.Count > 0)
            return new ImportOutcome(
                [.. read.Problems.Concat(read.AsksLedger
                    ? await LedgerImport.CheckAgainstLedgerAsync(db, read.Tables, options, cancel)
                    : []).Distinct()],
                []);
        return await LedgerImport.ApplyAsync(db, read.Tables, actor, clock, options, progress, cancel);
    }
}
