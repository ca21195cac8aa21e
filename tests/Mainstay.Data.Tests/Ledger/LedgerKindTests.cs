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
}
