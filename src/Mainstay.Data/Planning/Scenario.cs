using Mainstay.Data.Files;
using Mainstay.Data.Import;
using Mainstay.Data.Ledger;
using Mainstay.Ledger;
using Mainstay.Problems;

namespace Mainstay.Data.Planning;

/// <summary>
/// A planning scenario folder as the planning contract defines it: <c>requirements.csv</c>,
/// <c>offers.csv</c> and an optional <c>items.csv</c>, with exactly their columns; and, as the
/// procurement contract adds, optional <c>funds.csv</c> and <c>procurement.csv</c>.
/// </summary>
public sealed record Scenario(
    IReadOnlyList<Requirement> Requirements, IReadOnlyList<Offer> Offers, IReadOnlyList<ItemType> Items,
    IReadOnlyList<Fund> Funds, IReadOnlyList<ProcurementOption> Options)
{
    public static (Scenario? Scenario, IReadOnlyList<Problem> Problems) Read(string folder)
    {
        var problems = new List<Problem>();
        if (!Directory.Exists(folder))
            return (null, [new Problem(folder, "--scenario", "no such folder")]);

        // The files are independent: read them side by side, then report problems file by file.
        var requirementProblems = new List<Problem>();
        var offerProblems = new List<Problem>();
        var itemProblems = new List<Problem>();
        var moneyProblems = new List<Problem>();
        List<Requirement> requirements = [];
        List<Offer> offers = [];
        List<ItemType> items = [];
        List<Fund> funds = [];
        List<ProcurementOption> options = [];
        Parallel.Invoke(
            () => requirements = ReadFile(
                folder, "requirements.csv", LedgerKinds.Requirements, r => r.Id, required: true, requirementProblems),
            () => offers = ReadFile(folder, "offers.csv", LedgerKinds.Offers, o => o.Id, required: true, offerProblems),
            () => items = ReadFile(folder, "items.csv", LedgerKinds.Items, i => i.Id, required: false, itemProblems),
            () =>
            {
                funds = ReadFile(folder, "funds.csv", LedgerKinds.Funds, f => f.Id, required: false, moneyProblems);
                options = ReadFile(
                    folder, "procurement.csv", LedgerKinds.Procurement, p => p.Id, required: false, moneyProblems);
            });
        problems.AddRange(requirementProblems.Concat(offerProblems).Concat(itemProblems).Concat(moneyProblems));
        return problems.Count > 0
            ? (null, problems)
            : (new Scenario(requirements, offers, items, funds, options), []);
    }

    private static List<T> ReadFile<T>(
        string folder, string name, LedgerKind<T> kind, Func<T, string> key, bool required, List<Problem> problems)
        where T : class
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            if (required)
                problems.Add(new Problem(name, "", $"missing file: the scenario folder {folder} must hold {name}"));
            return [];
        }
        var text = CsvTableFile.DecodeUtf8(name, File.ReadAllBytes(path));
        if (!text.IsOk)
        {
            problems.Add(text.Problem);
            return [];
        }
        return TableValidation.ReadRecords(kind, name, text.Value, problems, key, strictColumns: true);
    }
}
