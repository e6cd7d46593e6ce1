using System.Globalization;
using FinFlow.Analytics.Categorization.Taxonomy;

namespace FinFlow.Analytics.Categorization.Training;

/// <summary>
/// Generates labelled transaction descriptions deterministically (fixed seed): merchants per category from
/// the taxonomy's brands, the MCC file's named merchants (airlines, hotels, car rentals) and invented names
/// around a category word; each written in several bank-export formats with card-network noise (store and
/// reference numbers, casing, 22-character truncation). No real transaction data is involved.
/// </summary>
public static class DescriptionGenerator
{
    private static readonly string[] Names =
    [
        "BLUE OAK", "SUMMIT", "RIVERSIDE", "GOLDEN GATE", "MAPLE", "NORTHSTAR", "PINECREST", "HARBOR", "SILVER LAKE", "REDWOOD",
        "EVERGREEN", "LIBERTY", "MAIN STREET", "SUNSET", "CEDAR", "IRONWOOD", "BRIGHTON", "WESTGATE", "LAKESIDE", "PIONEER",
        "CRESTVIEW", "OAKRIDGE", "BAYSHORE", "HIGHLAND", "STONEBRIDGE", "FAIRVIEW", "COPPER", "MIDTOWN", "ELM", "GRANITE",
        "JOE'S", "MARIA'S", "KIM'S", "PATEL", "NGUYEN", "GARCIA", "OLSEN", "ROSSI", "COHEN", "OKAFOR",
    ];

    private static readonly string[] Cities =
        ["SEATTLE WA", "AUSTIN TX", "DENVER CO", "CHICAGO IL", "BOSTON MA", "ATLANTA GA", "PORTLAND OR", "MIAMI FL", "PHOENIX AZ", "NEW YORK NY", "OAKLAND CA", "TAMPA FL"];

    private static readonly string[] CustomerSuffixes = ["LLC", "INC", "CO", "GROUP", "PARTNERS", "STUDIO", "LTD", "HOLDINGS"];

    /// <summary>Examples for every category and for income; <paramref name="perMerchant"/> descriptions per merchant.</summary>
    public static IReadOnlyList<TrainingExample> Generate(MccCatalog catalog, int seed = 20261125, int merchantsPerCategory = 80, int perMerchant = 6)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var random = new Random(seed);
        var examples = new List<TrainingExample>();
        foreach (var category in CategoryTaxonomy.All)
        {
            var codes = catalog.Entries.Where(e => category.Contains(e.Code)).ToList();
            var merchants = new List<string>(category.Brands);
            // The MCC file names real airlines, hotel chains and car-rental firms in the 3000-3999 range.
            merchants.AddRange(codes.Where(e => e.Code is >= 3000 and <= 3999 && e.Description.Length <= 28 && !e.Description.Contains('/', StringComparison.Ordinal))
                .Select(e => e.Description.ToUpperInvariant()).Distinct(StringComparer.Ordinal).OrderBy(_ => random.Next()).Take(merchantsPerCategory / 2));
            while (merchants.Count < merchantsPerCategory)
            {
                merchants.Add($"{Pick(random, Names)} {Pick(random, category.MerchantWords)}");
            }

            foreach (var merchant in merchants.Distinct(StringComparer.Ordinal))
            {
                for (var i = 0; i < perMerchant; i++)
                {
                    var mcc = codes.Count == 0 ? "" : codes[random.Next(codes.Count)].Code.ToString("D4", CultureInfo.InvariantCulture);
                    examples.Add(new TrainingExample(Noisy(random, CardLine(random, merchant)), mcc, category.Name, merchant));
                }
            }
        }

        for (var c = 0; c < merchantsPerCategory; c++)
        {
            var customer = $"{Pick(random, Names)} {Pick(random, CustomerSuffixes)}";
            for (var i = 0; i < perMerchant; i++) examples.Add(new TrainingExample(Noisy(random, CreditLine(random, customer)), "", CategoryTaxonomy.Income, customer));
        }

        return examples;
    }

    private static string CardLine(Random random, string merchant)
    {
        var shown = random.Next(5) == 0 && merchant.Length > 22 ? merchant[..22] : merchant; // card networks cut names at 22
        var city = Pick(random, Cities);
        return random.Next(8) switch
        {
            0 => $"POS {random.Next(1000, 9999)} {shown} {city}",
            1 => $"ACH DEBIT {shown} {random.Next(1000000, 9999999)}",
            2 => $"CHECKCARD {random.Next(1, 13):D2}{random.Next(1, 29):D2} {shown} {city}",
            3 => $"{shown} #{random.Next(100, 99999)} {city}",
            4 => $"SQ *{shown} {city}",
            5 => $"PAYPAL *{shown.Replace(" ", "", StringComparison.Ordinal)}",
            6 => $"RECURRING PAYMENT {shown} REF {random.Next(100000, 999999)}",
            _ => $"DEBIT CARD PURCHASE {shown} {city}",
        };
    }

    private static string CreditLine(Random random, string customer) => random.Next(6) switch
    {
        0 => $"ACH CREDIT {customer} PAYMENT {random.Next(100000, 999999)}",
        1 => $"DEPOSIT FROM {customer}",
        2 => $"WIRE IN {customer} INV {random.Next(1000, 9999)}",
        3 => $"ZELLE FROM {customer} ON {random.Next(1, 13):D2}/{random.Next(1, 29):D2}",
        4 => $"REMOTE DEPOSIT {customer} CHK {random.Next(1000, 9999)}",
        _ => $"STRIPE TRANSFER PAYOUT {customer} ST-{random.Next(100000, 999999)}",
    };

    private static string Noisy(Random random, string line) => random.Next(10) switch
    {
        < 7 => line,
        < 9 => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(line.ToLowerInvariant()),
        _ => line.ToLowerInvariant(),
    };

    private static string Pick(Random random, IReadOnlyList<string> items) => items[random.Next(items.Count)];
}
