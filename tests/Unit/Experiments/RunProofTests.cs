using GradFlow.Experiments;
using GradFlow.Metrics;

namespace GradFlow.Tests.Unit.Experiments;

public sealed class RunProofTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gradflow-proof-").FullName;
    private readonly ResultStore _store;
    private static readonly RunKey Key = new SettingKey("relu", "xavier", 0.5).WithSeed(1);
    private static readonly AblationSpec Spec = new() { Epochs = 3 };

    // A run of 3 epochs as GradFlow writes it: 53 bytes whose SHA-256, by coreutils' sha256sum, is below.
    private const string Text = "epoch,train_loss,diverged_at\n0,0.5,\n1,0.25,\n2,0.125,\n";
    private const string Sha256 = "d3dbfd95565db492f74fd070a1be65d82332e6004400491c23fec2a13740bd21";

    public RunProofTests()
    {
        _store = new ResultStore(_root);
        Directory.CreateDirectory(_store.RunsDirectory);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string ProofPath => Path.Combine(_root, ".checksums", "relu_xavier_s0p5_seed1.csv.sha256");

    private void WriteRunFile(string text) => File.WriteAllText(_store.RunPath(Key), text);

    private void WriteProof(string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ProofPath)!);
        File.WriteAllText(ProofPath, text);
    }

    [Fact]
    public void PathOf_Run_IsItsFileNameUnderChecksums()
    {
        Assert.Equal(".checksums", RunProof.Folder);
        Assert.Equal(ProofPath, RunProof.PathOf(_store, Key));
    }

    [Fact]
    public void Record_WrittenRunFile_WritesItsSha256AndLength()
    {
        WriteRunFile(Text);

        RunProof.Record(_store, Key);

        Assert.Equal(Sha256 + " 53\n", File.ReadAllText(ProofPath));
    }

    [Fact]
    public void Record_Again_ReplacesTheOldProof()
    {
        WriteProof("stale 1\n");
        WriteRunFile(Text);

        RunProof.Record(_store, Key);

        Assert.Equal(Sha256 + " 53\n", File.ReadAllText(ProofPath));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(ProofPath)!));
    }

    [Fact]
    public void Read_RecordedCompleteRun_GivesTheRunAndNoReason()
    {
        WriteRunFile(Text);
        RunProof.Record(_store, Key);

        var (run, why) = RunProof.Read(_store, Spec, Key);

        Assert.Null(why);
        Assert.NotNull(run);
        Assert.Equal(Key, run.Key);
        Assert.Equal([0, 1, 2], run.Log.Epochs.ToArray());
        Assert.Equal([0.5, 0.25, 0.125], run.Log.Column("train_loss"));
    }

    [Fact]
    public void Read_ProofWrittenByHandWithSurroundingBlankLines_IsAccepted()
    {
        WriteRunFile(Text);
        WriteProof("\n" + Sha256 + " 53\n\n");

        Assert.Null(RunProof.Read(_store, Spec, Key).Why);
    }

    [Fact]
    public void Read_IntoAReusedLog_FillsThatLog()
    {
        WriteRunFile(Text);
        RunProof.Record(_store, Key);
        var reuse = new RunLog(["train_loss"], 3);

        var (run, _) = RunProof.Read(_store, Spec, Key, reuse);

        Assert.Same(reuse, run!.Log);
    }

    [Fact]
    public void Read_NoProof_SaysNoChecksumWasRecorded()
    {
        WriteRunFile(Text);

        var (run, why) = RunProof.Read(_store, Spec, Key);

        Assert.Null(run);
        Assert.Equal("no checksum was recorded when it was written (cut short, or written by an older GradFlow)", why);
    }

    [Fact]
    public void Read_FileEditedKeepingItsLength_SaysTheChecksumNoLongerMatches()
    {
        WriteRunFile(Text);
        RunProof.Record(_store, Key);
        WriteRunFile(Text.Replace("0.125", "0.375", StringComparison.Ordinal));

        var (run, why) = RunProof.Read(_store, Spec, Key);

        Assert.Null(run);
        Assert.Equal("its checksum or length (53 bytes) no longer matches the one recorded when it was written", why);
    }

    [Theory]
    [InlineData(Sha256 + " 54")]
    [InlineData(Sha256 + " 53 53")]
    [InlineData(Sha256)]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000 53")]
    [InlineData("D3DBFD95565DB492F74FD070A1BE65D82332E6004400491C23FEC2A13740BD21 53")]
    public void Read_ProofNotOfThisFile_SaysTheChecksumNoLongerMatches(string proof)
    {
        WriteRunFile(Text);
        WriteProof(proof + "\n");

        var (run, why) = RunProof.Read(_store, Spec, Key);

        Assert.Null(run);
        Assert.Equal("its checksum or length (53 bytes) no longer matches the one recorded when it was written", why);
    }

    [Fact]
    public void Read_RecordedFileThatDoesNotRead_SaysWhyItCannotBeRead()
    {
        WriteRunFile("epoch,train_loss,diverged_at\n0,x,\n");
        RunProof.Record(_store, Key);

        var (run, why) = RunProof.Read(_store, Spec, Key);

        Assert.Null(run);
        Assert.Equal($"it cannot be read ({_store.RunPath(Key)}, line 2: train_loss 'x' is not a number)", why);
    }

    [Fact]
    public void Read_RecordedRunCutShort_SaysHowManyEpochsItRecords()
    {
        WriteRunFile("epoch,train_loss,diverged_at\n0,0.5,\n1,0.25,\n");
        RunProof.Record(_store, Key);

        var (run, why) = RunProof.Read(_store, Spec, Key);

        Assert.Null(run);
        Assert.Equal("it records 2 of 3 epochs (last 1, expected 2)", why);
    }

    [Fact]
    public void Read_RecordedRunWithNoRows_SaysItRecordsNone()
    {
        WriteRunFile("epoch,train_loss,diverged_at\n");
        RunProof.Record(_store, Key);

        Assert.Equal("it records 0 of 3 epochs (last none, expected 2)", RunProof.Read(_store, Spec, Key).Why);
    }

    [Fact]
    public void Read_RecordedRunWithAnExtraEpoch_IsRefused()
    {
        WriteRunFile(Text + "3,0.0625,\n");
        RunProof.Record(_store, Key);

        Assert.Equal("it records 4 of 3 epochs (last 3, expected 2)", RunProof.Read(_store, Spec, Key).Why);
    }

    [Fact]
    public void Read_LoggedEveryFourthEpoch_ExpectsThoseAndTheLast()
    {
        // 10 epochs logged every 4: 0, 4, 8 and the last, 9.
        WriteRunFile("epoch,train_loss,diverged_at\n0,1,\n4,1,\n8,1,\n9,1,\n");
        RunProof.Record(_store, Key);

        Assert.Null(RunProof.Read(_store, Spec with { Epochs = 10, LogEvery = 4 }, Key).Why);
    }

    [Fact]
    public void Read_LoggedEveryEpochButOnlyEveryFourthFound_IsRefused()
    {
        WriteRunFile("epoch,train_loss,diverged_at\n0,1,\n4,1,\n8,1,\n9,1,\n");
        RunProof.Record(_store, Key);

        Assert.Equal("it records 4 of 10 epochs (last 9, expected 9)", RunProof.Read(_store, Spec with { Epochs = 10 }, Key).Why);
    }

    [Fact]
    public void Read_DivergedRun_ExpectsTheLoggedEpochsBeforeItAndTheDivergingOne()
    {
        // Diverged at 5 with every 4th logged: 0, 4, then 5.
        WriteRunFile("epoch,train_loss,diverged_at\n0,1,5\n4,1,5\n5,1,5\n");
        RunProof.Record(_store, Key);

        var (run, why) = RunProof.Read(_store, Spec with { Epochs = 10, LogEvery = 4 }, Key);

        Assert.Null(why);
        Assert.Equal(5, run!.DivergedAt);
    }

    [Fact]
    public void Read_DivergedRunMissingItsDivergingEpoch_IsRefused()
    {
        WriteRunFile("epoch,train_loss,diverged_at\n0,1,5\n4,1,5\n");
        RunProof.Record(_store, Key);

        Assert.Equal("it records 2 of 3 epochs (last 4, expected 5)", RunProof.Read(_store, Spec with { Epochs = 10, LogEvery = 4 }, Key).Why);
    }

    [Fact]
    public void Read_OneEpochSpec_ExpectsEpochZeroOnly()
    {
        WriteRunFile("epoch,train_loss,diverged_at\n0,1,\n");
        RunProof.Record(_store, Key);

        Assert.Null(RunProof.Read(_store, Spec with { Epochs = 1 }, Key).Why);
    }
}
