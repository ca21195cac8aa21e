using Mainstay.Data.BurdenSharing;
using Mainstay.Problems;
using Mainstay.Time;
using Mainstay.Web.Api;

namespace Mainstay.Web.Reports;

/// <summary>The year, half and GDP year a burden-sharing address asks for (each optional).</summary>
public static class BurdenSharingQuery
{
    /// <summary>The request the query makes; every malformed value a problem.</summary>
    public static ReportBurdenSharing.Request Parse(IQueryCollection query, List<Problem> problems) => new(
        QueryNumbers.Optional(query, "year", YearMonth.MinYear, YearMonth.MaxYear, problems),
        QueryNumbers.Optional(query, "half", 1, 2, problems),
        QueryNumbers.Optional(query, "gdpYear", YearMonth.MinYear, YearMonth.MaxYear, problems));
}
