using System.Globalization;
using Mainstay.Ledger;

namespace Mainstay.Data.Ledger.Kinds;

public sealed class NationsKind : LedgerKind<Nation>
{
    public static readonly IReadOnlyDictionary<string, NationRole> Roles = new Dictionary<string, NationRole>(
        StringComparer.Ordinal)
    {
        ["ally"] = NationRole.Ally,
        ["partner"] = NationRole.Partner,
        ["recipient"] = NationRole.Recipient,
    };

    public override LedgerTable Id => LedgerTable.Nations;
    public override string Name => "nations";
    public override string Table => "nations";
    public override string RowNoun => "nation";

    public override IReadOnlyList<LedgerColumn> Columns { get; } =
        [new("code"), new("name"), new("role"), new("currency")];

    public override Nation Read(RowReader row)
    {
        var code = row.Text("code");
        if (code.Length > 0 && (code.Length != 2 || !code.All(char.IsAsciiLetterUpper)))
            row.Fail("code", $"expected an ISO 3166-1 alpha-2 code such as UA, got \"{code}\"");
        return new Nation(code, row.Text("name"), row.Choice("role", Roles), row.Currency("currency"));
    }

    public override string[] Write(Nation n) =>
        [n.Code, n.Name, n.Role.ToString().ToLower(CultureInfo.InvariantCulture), n.Currency.Code];
}
