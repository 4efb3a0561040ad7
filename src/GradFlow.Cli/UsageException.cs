namespace GradFlow.Cli;

/// <summary>Bad input: the message is one line, "&lt;what is wrong&gt;; &lt;what is accepted&gt;", naming the option or file.</summary>
internal sealed class UsageException(string message) : Exception(message);
