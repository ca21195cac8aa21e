using Mainstay.Access;
using Mainstay.Data.Ledger;
using Mainstay.Ledger;

namespace Mainstay.Data.Tests.Ledger;

public sealed class LedgerKindTests
{
    [Fact]
    public void Every_table_of_the_ledger_is_one_kind()
    {
        LedgerKinds.All.Select(k => k.Id).ShouldBe(Enum.GetValues<LedgerTable>(), ignoreOrder: true);
        foreach (var table in Enum.GetValues<LedgerTable>())
            LedgerKinds.Find(table).Id.ShouldBe(table);
    }

    [Fact]
    public void A_name_from_user_text_finds_its_kind_and_nothing_else()
    {
        LedgerKinds.Find("exchange-rates").ShouldBeSameAs(LedgerKinds.ExchangeRates);
        LedgerKinds.Find("exchange_rates").ShouldBeNull();
        LedgerKinds.Find("Offers").ShouldBeNull();
    }

    [Fact]
    public void The_parties_of_a_row_are_read_from_its_donor_and_recipient_columns()
    {
        Parties(LedgerKinds.Pledges, ("donor", "DE"), ("recipient", "UA")).ShouldBe(new RowParties("DE", "UA"));
        Parties(LedgerKinds.Contributions, ("donor", "DE"), ("recipient", "UA")).ShouldBe(new RowParties("DE", "UA"));
        Parties(LedgerKinds.Requirements, ("recipient", "UA")).ShouldBe(new RowParties(Recipient: "UA"));
        Parties(LedgerKinds.Deliveries, ("recipient", "UA")).ShouldBe(new RowParties(Recipient: "UA"));
        Parties(LedgerKinds.Offers, ("donor", "DE"), ("recipients", "UA"), ("released", "no"))
            .ShouldBe(new RowParties(Donor: "DE"));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("MD;UA")]
    public void A_released_offer_is_read_with_the_recipients_it_may_go_to(string recipients) =>
        Parties(LedgerKinds.Offers, ("donor", "DE"), ("recipients", recipients), ("released", "yes"))
            .ReleasedTo!.ToString().ShouldBe(recipients);

    [Fact]
    public void An_offer_on_its_way_in_whose_recipients_do_not_parse_reaches_no_one()
    {
        var reach = Parties(LedgerKinds.Offers, ("recipients", "MD;;UA"), ("released", "yes")).ReleasedTo!;
        reach.IsAny.ShouldBeFalse();
        reach.Codes.ShouldBeEmpty();
    }

    [Fact]
    public void Rows_of_tables_that_belong_to_no_nation_have_no_parties()
    {
        foreach (var kind in LedgerKinds.All.Where(k => AccessPolicy.OwnerSide(k.Id) is null))
            Parties(kind).ShouldBe(new RowParties());
    }

    [Fact]
    public void The_column_of_a_side_is_the_one_of_that_name()
    {
        foreach (var kind in LedgerKinds.All)
            foreach (var side in Enum.GetValues<NationSide>())
                kind.ColumnOf(side).ShouldBe(kind.ColumnIndex(LedgerKind.ColumnName(side)), $"{kind.Name} {side}");
        LedgerKinds.Offers.ColumnOf(NationSide.Recipient).ShouldBe(-1);
    }

    /// <summary>A row of <paramref name="kind"/> with the given cells and "x" in every other column.</summary>
    private static RowParties Parties(LedgerKind kind, params (string Column, string Value)[] cells)
    {
        var row = kind.Columns.Select(_ => "x").ToArray();
        foreach (var (column, value) in cells)
            row[kind.ColumnIndex(column)] = value;
        return kind.PartiesOf(row);
    }
}
