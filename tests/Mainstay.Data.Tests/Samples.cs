namespace Mainstay.Data.Tests;

/// <summary>Small, valid ledger files the tests start from.</summary>
public static class Samples
{
    public const string Nations = """
        code,name,role,currency
        DE,Germany,ally,EUR
        GB,United Kingdom,ally,GBP
        JP,Japan,partner,JPY
        PL,Poland,ally,PLN
        UA,Ukraine,recipient,UAH
        MD,Moldova,recipient,MDL
        """;

    public const string Requirements = """
        id,recipient,item,quantity,priority,need_by,useful_months
        R1,UA,155mm-shell,10000,1,2025-03,6
        R2,UA,generator-100kva,200,2,2025-11,3
        R3,MD,demining-kit,50,3,2026-01,12
        """;

    public const string Offers = """"
        id,donor,item,quantity,available,transit_months,recipients,conditions
        O1,DE,155mm-shell,4000,2025-01,1,*,
        O2,PL,generator-100kva,120,2025-09,0,UA;MD,
        O3,GB,demining-kit,80,2025-06,2,MD,"End use: civilian demining only, ""no re-export"""
        """";

    public const string Pledges = """
        id,year,donor,recipient,kind,amount,currency,status,announced_on,committed_on,disbursed_on,source
        WS-DE,2025,DE,UA,multi-year,7000000000,EUR,disbursed,2024-07-10,2025-01-15,2025-11-20,NATO Washington Summit Declaration
        WS-DE,2026,DE,UA,multi-year,7000000000,EUR,committed,2024-07-10,2025-12-01,,NATO Washington Summit Declaration
        JP-1,2025,JP,UA,one-off,150000000000,JPY,announced,2025-02-01,,,UDCG
        """;
}
