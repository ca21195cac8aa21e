using Mainstay.Ledger;

namespace Mainstay.Data.Ledger.Kinds;

/// <summary>Capability coalitions: lead nations and members as ;-separated codes.</summary>
public sealed class CoalitionsKind : LedgerKind<Coalition>
{
    public override LedgerTable Id => LedgerTable.Coalitions;
    public override string Name => "coalitions";
    public override string Table => "coalitions";
    public override string RowNoun => "coalition";

    public override IReadOnlyList<LedgerColumn> Columns { get; } =
    [
        new("id"), new("name"), new("capability"), new("leads", References: NationReference.List),
        new("members", Optional: true, References: NationReference.List),
    ];

    public override Coalition Read(RowReader row)
    {
        var coalition = new Coalition(
            row.Text("id"), row.Text("name"), row.Choice("capability", CapabilityAreas.ByCode),
            row.List("leads"), row.List("members"));
        if (!row.HasProblems && coalition.Leads.Count == 0)
            row.Fail("leads", "a coalition needs at least one lead nation");
        return coalition;
    }

    public override string[] Write(Coalition c) =>
        [
            c.Id, c.Name, c.Capability.Code(), string.Join(';', c.Leads.Distinct().Order(StringComparer.Ordinal)),
            string.Join(';', c.Members.Distinct().Order(StringComparer.Ordinal))];
}
