namespace FinFlow.LocalInfra;

/// <summary>A program FinFlow needs is not installed; the message names the package that provides it.</summary>
public sealed class MissingPrerequisiteException : Exception
{
    public MissingPrerequisiteException(string program, string debianPackage)
        : base($"{program} was not found: install it with `sudo apt-get install -y {debianPackage}`.")
    {
        Program = program;
        DebianPackage = debianPackage;
    }

    public MissingPrerequisiteException() { }

    public MissingPrerequisiteException(string message) : base(message) { }

    public MissingPrerequisiteException(string message, Exception innerException) : base(message, innerException) { }

    public string Program { get; } = "";

    public string DebianPackage { get; } = "";
}
