using System;
using System.Collections.Generic;
using System.IO;

namespace HttpNano.Fuzz
{
    /// <summary>
    /// <code>
    ///   HttpClient.Nano.Fuzz fuzz TARGET               the AFL++ entry point (fuzz/run.sh starts it under afl-fuzz)
    ///   HttpClient.Nano.Fuzz replay CORPUS [TARGET...] every file of CORPUS/TARGET/ in-process; exit 1 on a failure
    ///   HttpClient.Nano.Fuzz run TARGET FILE...        the given inputs (e.g. crashes), with the full exception
    ///   HttpClient.Nano.Fuzz show FILE                 what the response reader makes of a head/chunked/trailers input
    ///   HttpClient.Nano.Fuzz seeds REPO CORPUS         (re)builds the seed corpora from the protocol tests
    ///   HttpClient.Nano.Fuzz list                      the target names
    /// </code>
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            string command = args.Length > 0 ? args[0] : "";
            switch (command)
            {
                case "fuzz" when args.Length == 2 && Targets.Find(args[1]) != null:
                    return Fuzz(Targets.Find(args[1]));
                case "replay" when args.Length >= 2:
                    return ReplayCorpus(args[1], args.Length > 2 ? args[2..] : Targets.Names);
                case "run" when args.Length >= 3 && Targets.Find(args[1]) != null:
                    return RunFiles(args[1], args[2..]);
                case "show" when args.Length == 2:
                    Console.WriteLine(ReaderRun.Transcript(File.ReadAllBytes(args[1])));
                    return 0;
                case "seeds" when args.Length == 3:
                    Console.WriteLine(Seeds.Write(args[1], args[2]) + " new seed files");
                    return 0;
                case "list":
                    Console.WriteLine(string.Join(Environment.NewLine, Targets.Names));
                    return 0;
                default:
                    Console.Error.WriteLine("usage: HttpClient.Nano.Fuzz fuzz TARGET | replay CORPUS [TARGET...] | run TARGET FILE... | show FILE | seeds REPO CORPUS | list");
                    Console.Error.WriteLine("targets: " + string.Join(", ", Targets.Names));
                    return 2;
            }
        }

        // Expected rejections are caught here; anything else escapes to SharpFuzz, which reports a crash.
        private static int Fuzz(Action<byte[]> target)
        {
            SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
            {
                MemoryStream copy = new MemoryStream();
                stream.CopyTo(copy);
                try
                {
                    target(copy.ToArray());
                }
                catch (Exception e) when (ExpectedErrors.Is(e))
                {
                }
            });
            return 0;
        }

        private static int ReplayCorpus(string corpusRoot, string[] targets)
        {
            foreach (string target in targets)
            {
                if (Targets.Find(target) == null)
                {
                    Console.Error.WriteLine("unknown target " + target);
                    return 2;
                }
            }

            int files;
            List<Replay.Failure> failures = Replay.RunAll(corpusRoot, targets, out files);
            foreach (Replay.Failure failure in failures)
            {
                Console.WriteLine("FAIL " + failure.Target + " " + failure.File + ": " + failure.Error);
            }

            Console.WriteLine("replayed " + files + " inputs of " + string.Join(", ", targets) + ": " + failures.Count + " failed");
            return failures.Count == 0 && files > 0 ? 0 : 1;
        }

        private static int RunFiles(string target, string[] files)
        {
            int failed = 0;
            foreach (string file in files)
            {
                Exception error = Replay.Run(target, File.ReadAllBytes(file));
                Console.WriteLine(file + ": " + (error == null ? "ok" : error.ToString()));
                failed += error == null ? 0 : 1;
            }

            return failed == 0 ? 0 : 1;
        }
    }
}
