package vn.trithuc.registry;

/** A person was added to the registry. */
public record PersonRegistered(PersonId person) {
}
