namespace LruAspire.Caching.Policies;

// Moving the boundary between the window and the main space. Nothing is moved eagerly: the segment maxima change
// and the entries follow as the policy runs (the window's overflow goes to probation on the next insert; a main
// space over its share loses its victims first), except protected, which is demoted at once to stay in bound.
internal sealed partial class TinyLfuPolicy<TKey, TValue>
{
    private void Adapt(int amount)
    {
        if (amount == 0)
        {
            return;
        }
        _windowMaximum = Math.Clamp(_windowMaximum + amount, 1, _capacity);
        _protectedMaximum = (int)(ProtectedShare * (_capacity - _windowMaximum));
        DemoteProtectedOverflow();
    }
}
