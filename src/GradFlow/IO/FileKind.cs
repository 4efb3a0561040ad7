using System.Runtime.InteropServices;

namespace GradFlow.IO;

/// <summary>
/// What a path names, as the file system says (Linux statx, whose record layout is the same on every
/// architecture): writing by rename is only for regular files and new paths, never for a device, a
/// FIFO or a socket (renaming onto /dev/null would replace the system's /dev/null).
/// </summary>
public static partial class FileKind
{
    public enum Kind { Missing, Regular, Directory, SymbolicLink, Other, Unknown }

    private const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
#pragma warning disable SYSLIB1054, CA2101 // a blittable byte buffer and a UTF-8 path: no unsafe code needed
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054, CA2101

    /// <summary>The kind of <paramref name="path"/> itself, or with <paramref name="followLinks"/> of what its links lead to.</summary>
    public static Kind Of(string path, bool followLinks = false)
    {
        if (!OperatingSystem.IsLinux()) return WithoutStatx(path);
        var buffer = new byte[256]; // struct statx is 256 bytes; stx_mode is the u16 at offset 28
        try
        {
            if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer) != 0)
                return Marshal.GetLastPInvokeError() == 2 ? Kind.Missing : Kind.Unknown; // 2: ENOENT
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return ExistenceOnly(path);
        }
        int type = BitConverter.ToUInt16(buffer, 28) & 0xF000;
        return type switch { 0x8000 => Kind.Regular, 0x4000 => Kind.Directory, 0xA000 => Kind.SymbolicLink, _ => Kind.Other };
    }

    /// <summary>Off Linux: what .NET's file API tells (a link named as such, devices and FIFOs as regular files).</summary>
    internal static Kind WithoutStatx(string path) =>
        File.Exists(path) ? (new FileInfo(path).LinkTarget is null ? Kind.Regular : Kind.SymbolicLink) : Directory.Exists(path) ? Kind.Directory : Kind.Missing;

    /// <summary>On a Linux without statx in its libc: existence only, links followed.</summary>
    internal static Kind ExistenceOnly(string path) => File.Exists(path) ? Kind.Regular : Directory.Exists(path) ? Kind.Directory : Kind.Missing;
}
