namespace LruAspire.LoadGen.Runs;

public enum RunState
{
    Running,
    Completed,
    Canceled,
    Failed,
}
