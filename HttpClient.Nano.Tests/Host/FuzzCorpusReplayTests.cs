using System;
using System.Collections.Generic;
using System.IO;
using HttpNano.Fuzz;
using Xunit;

namespace HttpNano.Tests.Host
{
    /// <summary>
    /// Replays every input of fuzz/corpus/TARGET/ (seeds, inputs kept from fuzzing, former
    /// crashes) through the fuzz targets in-process: only the HttpException and
    /// ArgumentException families may escape, and no target invariant may break.
    /// </summary>
    public sealed class FuzzCorpusReplayTests
    {
        public static IEnumerable<object[]> TargetNames()
        {
            foreach (string name in Targets.Names)
            {
                yield return new object[] { name };
            }
        }

        [Theory]
        [MemberData(nameof(TargetNames))]
        public void CorpusRaisesOnlyExpectedErrors(string target)
        {
            string[] files = Replay.Files(Path.Combine(Root, "fuzz", "corpus"), target);
            Assert.NotEmpty(files);
            List<string> failures = new List<string>();
            foreach (string file in files)
            {
                Exception error = Replay.Run(target, File.ReadAllBytes(file));
                if (error != null)
                {
                    failures.Add(Path.GetFileName(file) + ": " + error.GetType().Name + ": " + error.Message);
                }
            }

            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        }

        private static string Root => RepositoryBuild.Root;
    }
}
