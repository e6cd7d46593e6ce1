namespace FinFlow.Credit.Assessment.Books;

/// <summary>
/// The outcome of reading the books: the snapshot; or the reason accounting refused the currency (books kept in
/// several, or an unknown code), for a 400 naming <c>currency</c>; or neither, when accounting could not be asked.
/// </summary>
public sealed record BooksRead(BooksSnapshot? Books, string? CurrencyError)
{
    public static BooksRead Unavailable { get; } = new(null, null);
}
