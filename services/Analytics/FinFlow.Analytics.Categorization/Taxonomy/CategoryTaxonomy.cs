namespace FinFlow.Analytics.Categorization.Taxonomy;

/// <summary>
/// The small-business taxonomy: fifteen expense categories mapped from ISO 18245 MCC groups, one income
/// category (bank credits carry no MCC), and <see cref="Uncategorized"/> for answers below the abstain threshold.
/// </summary>
public static class CategoryTaxonomy
{
    public const string Uncategorized = "Uncategorized";
    public const string Income = "Income";

    public static IReadOnlyList<CategoryDefinition> All { get; } =
    [
        new("Travel", "expense",
            [(3000, 3999), (4011, 4011), (4111, 4131), (4411, 4411), (4457, 4457), (4511, 4511), (4582, 4582), (4722, 4722), (4784, 4784), (7011, 7012), (7032, 7033), (7512, 7519)],
            ["AIRLINES", "AIRWAYS", "AIR", "HOTEL", "INN", "SUITES", "RESORT", "MOTEL", "RENT-A-CAR", "CAR RENTAL", "TRAVEL", "RAILWAY", "TRANSIT", "TAXI", "CRUISE", "TOLLWAY"],
            ["DELTA AIR LINES", "UNITED AIRLINES", "SOUTHWEST AIRLINES", "MARRIOTT", "HILTON HOTELS", "HERTZ RENT-A-CAR", "AVIS RENT A CAR", "EXPEDIA TRAVEL", "AMTRAK RAILWAY", "UBER TRIP"]),
        new("Meals & Entertainment", "expense",
            [(5811, 5814), (5921, 5921), (7832, 7832), (7911, 7911), (7922, 7922), (7929, 7933), (7941, 7941), (7991, 7999)],
            ["CAFE", "GRILL", "BISTRO", "PIZZA", "COFFEE", "DINER", "TAQUERIA", "SUSHI", "TAVERN", "KITCHEN", "BAKERY", "STEAKHOUSE", "RESTAURANT", "CINEMA", "BREWING"],
            ["STARBUCKS COFFEE", "CHIPOTLE GRILL", "DOMINOS PIZZA", "PANERA BREAD", "MCDONALDS", "AMC CINEMA", "OLIVE GARDEN RESTAURANT"]),
        new("Office Supplies", "expense",
            [(2741, 2741), (5021, 5021), (5044, 5044), (5111, 5111), (5192, 5192), (5942, 5943), (7338, 7338)],
            ["OFFICE SUPPLY", "STATIONERY", "PRINTING", "PAPER", "COPY CENTER", "OFFICE PRODUCTS", "INK", "TONER", "BOOKSTORE"],
            ["STAPLES OFFICE", "OFFICE DEPOT", "OFFICEMAX", "FEDEX OFFICE PRINTING", "VISTAPRINT PRINTING"]),
        new("Software & Subscriptions", "expense",
            [(5734, 5734), (5815, 5818), (5968, 5968), (7372, 7372), (7375, 7375)],
            ["SOFTWARE", "CLOUD", "SAAS", "APPS", "SUBSCRIPTION", "HOSTING", "DIGITAL", "ONLINE SERVICES", ".COM BILL", "LICENSE"],
            ["ADOBE SOFTWARE", "MICROSOFT 365 SUBSCRIPTION", "GOOGLE CLOUD", "AWS CLOUD HOSTING", "DROPBOX SUBSCRIPTION", "SLACK SOFTWARE", "ZOOM SUBSCRIPTION"]),
        new("Telecommunications", "expense",
            [(4812, 4815), (4821, 4821), (4899, 4899)],
            ["WIRELESS", "TELECOM", "MOBILE", "PHONE", "CABLE", "BROADBAND", "INTERNET", "FIBER", "TELEPHONE"],
            ["VERIZON WIRELESS", "AT&T MOBILITY", "T-MOBILE", "COMCAST CABLE", "SPECTRUM INTERNET"]),
        new("Utilities", "expense",
            [(4900, 4900)],
            ["ELECTRIC", "POWER", "GAS CO", "WATER DEPT", "UTILITY", "UTILITIES", "ENERGY", "SEWER"],
            ["PG&E ELECTRIC", "CON EDISON ENERGY", "DUKE ENERGY", "CITY WATER UTILITY"]),
        new("Professional Services", "expense",
            [(7276, 7276), (7392, 7392), (8111, 8111), (8931, 8931), (8999, 8999)],
            ["LAW OFFICE", "ATTORNEY", "LEGAL", "CPA", "ACCOUNTING", "CONSULTING", "BOOKKEEPING", "ADVISORS", "TAX PREP", "ASSOCIATES"],
            ["H&R BLOCK TAX PREP", "LEGALZOOM LEGAL", "DELOITTE CONSULTING"]),
        new("Advertising & Marketing", "expense",
            [(7311, 7311), (7319, 7319), (7333, 7333)],
            ["ADVERTISING", "ADS", "MARKETING", "MEDIA", "PROMO", "SIGNS", "BILLBOARD", "CREATIVE"],
            ["FACEBOOK ADS", "GOOGLE ADS", "LINKEDIN ADS", "YELP ADVERTISING", "MAILCHIMP MARKETING"]),
        new("Shipping & Postage", "expense",
            [(4214, 4215), (4225, 4225), (9402, 9402)],
            ["SHIPPING", "POSTAGE", "POST OFFICE", "COURIER", "FREIGHT", "DELIVERY", "LOGISTICS", "PARCEL"],
            ["FEDEX SHIPPING", "UPS STORE", "USPS POSTAGE", "DHL EXPRESS", "STAMPS.COM POSTAGE"]),
        new("Vehicle & Fuel", "expense",
            [(5511, 5533), (5541, 5542), (5571, 5571), (5983, 5983), (7523, 7523), (7531, 7549)],
            ["FUEL", "GAS STATION", "PETROLEUM", "OIL", "AUTO REPAIR", "TIRES", "PARKING", "CAR WASH", "AUTO PARTS", "LUBE"],
            ["SHELL OIL", "CHEVRON FUEL", "EXXONMOBIL", "BP GAS STATION", "JIFFY LUBE", "AUTOZONE AUTO PARTS", "SP+ PARKING"]),
        new("Equipment & Hardware", "expense",
            [(5045, 5046), (5065, 5065), (5072, 5072), (5085, 5085), (5200, 5200), (5211, 5211), (5231, 5231), (5251, 5251), (5261, 5261), (5722, 5722), (5732, 5732), (7622, 7629)],
            ["HARDWARE", "ELECTRONICS", "COMPUTER", "TOOLS", "LUMBER", "APPLIANCE", "EQUIPMENT", "SUPPLY CO", "BUILDING SUPPLY"],
            ["HOME DEPOT", "LOWES HARDWARE", "BEST BUY ELECTRONICS", "APPLE STORE COMPUTER", "DELL COMPUTER", "ACE HARDWARE"]),
        new("Insurance", "expense",
            [(5960, 5960), (6300, 6300), (6381, 6399)],
            ["INSURANCE", "INS PREMIUM", "MUTUAL", "ASSURANCE", "UNDERWRITERS", "INSURANCE AGENCY"],
            ["GEICO INSURANCE", "STATE FARM INSURANCE", "PROGRESSIVE INSURANCE", "THE HARTFORD INSURANCE"]),
        new("Bank & Financial Fees", "expense",
            [(4829, 4829), (6010, 6012), (6050, 6051), (6211, 6211), (6540, 6540)],
            ["SERVICE FEE", "WIRE FEE", "OVERDRAFT FEE", "ATM FEE", "MONTHLY FEE", "BANK FEE", "FX FEE", "MAINTENANCE FEE"],
            ["CHASE BANK FEE", "WELLS FARGO SERVICE FEE", "BANK OF AMERICA FEE", "WESTERN UNION WIRE FEE"]),
        new("Taxes & Government", "expense",
            [(9211, 9223), (9311, 9311), (9399, 9399), (9405, 9405)],
            ["TAX PAYMENT", "DEPT OF REVENUE", "GOVT", "COUNTY", "FRANCHISE TAX", "TREASURY", "LICENSE FEE", "PERMIT", "COURT"],
            ["IRS USATAXPYMT", "STATE FRANCHISE TAX BOARD", "DMV LICENSE FEE", "CITY PERMIT OFFICE"]),
        new("Supplies & Retail", "expense",
            [(5300, 5311), (5331, 5331), (5399, 5399), (5411, 5411), (5422, 5422), (5441, 5451), (5462, 5462), (5499, 5499), (5912, 5912)],
            ["MARKET", "GROCERY", "SUPERMARKET", "WHOLESALE", "PHARMACY", "DRUG STORE", "GENERAL STORE", "DOLLAR STORE", "FOODS"],
            ["WALMART SUPERCENTER", "COSTCO WHOLESALE", "TARGET", "KROGER GROCERY", "CVS PHARMACY", "WALGREENS DRUG STORE"]),
    ];

    /// <summary>Every answer the categorizer can give: the categories, <see cref="Income"/> and <see cref="Uncategorized"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(c => c.Name), Income, Uncategorized];

    public static string? ForMcc(int mcc) => All.FirstOrDefault(c => c.Contains(mcc))?.Name;

    public static bool IsKnown(string? name) => name is not null && Names.Contains(name, StringComparer.Ordinal);
}
