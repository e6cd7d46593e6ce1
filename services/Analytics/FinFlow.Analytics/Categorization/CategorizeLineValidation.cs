namespace FinFlow.Analytics.Categorization;

/// <summary>Field checks shared by the single and batch forms; <paramref name="prefix"/> names the item in a batch (<c>items[3].</c>).</summary>
public static class CategorizeLineValidation
{
    public const int MaxDescription = 500;

    public static void Check(CategorizeRequest? line, string prefix, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (line is null)
        {
            errors[prefix.TrimEnd('.')] = ["The line is required."];
            return;
        }

        if (string.IsNullOrWhiteSpace(line.Description) || line.Description.Length > MaxDescription)
        {
            errors[$"{prefix}description"] = [$"The description is required, at most {MaxDescription} characters."];
        }

        if (line.Mcc is not null && (line.Mcc.Length != 4 || !line.Mcc.All(char.IsAsciiDigit)))
        {
            errors[$"{prefix}mcc"] = ["The MCC is four digits, such as 5812."];
        }
    }
}
