namespace GradFlow.IO;

/// <summary>
/// Reading a file the user named: every way it can fail to open (missing, a folder, no permission, an
/// I/O error) becomes an <see cref="InvalidDataException"/> with one line naming the file, what went
/// wrong and what was expected.
/// </summary>
public static class InputFile
{
    /// <summary>Opens <paramref name="path"/> and hands it to <paramref name="read"/>; <paramref name="expected"/> says what the file should be.</summary>
    public static T Read<T>(string path, string expected, Func<StreamReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            if (Directory.Exists(path)) throw new InvalidDataException($"{path}: is a folder; expected {expected}");
            using var reader = new StreamReader(path);
            return read(reader);
        }
        catch (FileNotFoundException) { throw new InvalidDataException($"{path}: no such file; expected {expected}"); }
        catch (DirectoryNotFoundException) { throw new InvalidDataException($"{path}: no such file (its folder does not exist); expected {expected}"); }
        catch (UnauthorizedAccessException) { throw new InvalidDataException($"{path}: not readable (permission denied); expected {expected}"); }
        catch (IOException e) { throw new InvalidDataException($"{path}: cannot be read ({OneLine(e.Message)}); expected {expected}"); }
    }

    public static string ReadAllText(string path, string expected) => Read(path, expected, r => r.ReadToEnd());

    /// <summary>A message on one line: its non-empty lines, trimmed, joined by spaces.</summary>
    public static string OneLine(string text) =>
        string.Join(' ', text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
