using System;
using System.Collections.Generic;
using System.IO;

namespace HttpNano.Fuzz
{
    /// <summary>Runs corpus files through the targets in-process, without AFL.</summary>
    public static class Replay
    {
        /// <summary>One input whose run raised something outside <see cref="ExpectedErrors"/>.</summary>
        public sealed class Failure
        {
            public string Target;
            public string File;
            public Exception Error;
        }

        /// <summary>The corpus files of <paramref name="target"/> under <paramref name="corpusRoot"/>, sorted.</summary>
        public static string[] Files(string corpusRoot, string target)
        {
            string folder = Path.Combine(corpusRoot, target);
            if (!Directory.Exists(folder))
            {
                return new string[0];
            }

            string[] files = Directory.GetFiles(folder);
            Array.Sort(files, StringComparer.Ordinal);
            return files;
        }

        /// <summary>Runs one input; returns the unexpected exception it raised, or null.</summary>
        public static Exception Run(string target, byte[] input)
        {
            Action<byte[]> run = Targets.Find(target);
            if (run == null)
            {
                throw new ArgumentException("unknown target " + target);
            }

            try
            {
                run(input);
                return null;
            }
            catch (Exception e) when (ExpectedErrors.Is(e))
            {
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }

        /// <summary>Runs every file of every target named; returns the failures and counts the files.</summary>
        public static List<Failure> RunAll(string corpusRoot, string[] targets, out int files)
        {
            List<Failure> failures = new List<Failure>();
            files = 0;
            foreach (string target in targets)
            {
                foreach (string file in Files(corpusRoot, target))
                {
                    files++;
                    Exception error = Run(target, File.ReadAllBytes(file));
                    if (error != null)
                    {
                        failures.Add(new Failure { Target = target, File = file, Error = error });
                    }
                }
            }

            return failures;
        }
    }
}
