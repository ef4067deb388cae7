package vn.trithuc.registry;

/** A person's profile changed (identity fields or an effective-dated part), in the transaction that changed it. */
public record PersonChanged(PersonId person) {
}
