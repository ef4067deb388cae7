/** Dialogues, meetings, seminars (đối thoại, gặp mặt, hội thảo) and cooperation. */
@org.jspecify.annotations.NullMarked
package vn.trithuc.engagement;
