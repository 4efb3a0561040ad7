namespace GradFlow.Experiments;

/// <summary>Bad input to a sweep: the message is one line naming the field and what it accepts.</summary>
public sealed class SpecException(string message) : ArgumentException(message);
