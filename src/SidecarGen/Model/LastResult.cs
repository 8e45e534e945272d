using System;
using System.Threading;

namespace SidecarGen.Model;

/// <summary>
/// The last result of a pure function, kept for the next call with an equal input. In one compilation
/// the generator and the analyzers read and check the same service; with this they do it once, so a new
/// compiler process runs that code once rather than twice, and the IDE's analyzers skip it while the
/// attributes stay as they are. One entry, replaced atomically: a call with another input (a system's
/// services in turn, two projects in one compiler server) computes, and nothing stale can be returned,
/// since the input is compared whole.
/// </summary>
internal sealed class LastResult<TInput, TResult>
    where TInput : IEquatable<TInput>
{
    private readonly Func<TInput, TResult> compute;
    private Entry? last;

    public LastResult(Func<TInput, TResult> compute) => this.compute = compute;

    public TResult Of(TInput input)
    {
        if (Volatile.Read(ref last) is { } entry && entry.Input.Equals(input))
        {
            return entry.Result;
        }

        var result = compute(input);
        Volatile.Write(ref last, new Entry(input, result));
        return result;
    }

    private sealed class Entry
    {
        public Entry(TInput input, TResult result)
        {
            Input = input;
            Result = result;
        }

        public TInput Input { get; }

        public TResult Result { get; }
    }
}
