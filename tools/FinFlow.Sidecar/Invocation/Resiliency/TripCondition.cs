using System.Globalization;
using System.Text.RegularExpressions;

namespace FinFlow.Sidecar.Invocation.Resiliency;

/// <summary>
/// The subset of daprd's CEL <c>trip</c> expressions this sidecar evaluates: a comparison of
/// <c>consecutiveFailures</c> with a number. There is no CEL engine here (contract trap 7), so anything
/// else is refused at start-up rather than silently never tripping.
/// </summary>
public static partial class TripCondition
{
    public static bool TryParse(string expression, out Func<long, bool> condition)
    {
        var match = Pattern().Match(expression);
        if (!match.Success)
        {
            condition = _ => false;
            return false;
        }

        var limit = long.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        condition = match.Groups["op"].Value switch
        {
            ">" => failures => failures > limit,
            ">=" => failures => failures >= limit,
            _ => failures => failures == limit,
        };
        return true;
    }

    [GeneratedRegex(@"^\s*consecutiveFailures\s*(?<op>>=|>|==)\s*(?<n>\d+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
