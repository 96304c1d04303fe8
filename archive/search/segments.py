"""How an index's segments are kept few: every update adds one, and every search reads them all."""

from whoosh.reading import SegmentReader

# Segments an index keeps before an update merges its smallest ones.
SEGMENTS_KEPT = 6


def merge_smallest(writer, segments):
    """Whoosh merge policy: once an index has more than SEGMENTS_KEPT segments, merge the smallest together.

    Every update commits a new segment, and a search reads every segment. Whoosh's default policy
    (MERGE_SMALL) lets segments of a few thousand entries pile up to twenty and more before it merges
    them (its bound follows the Fibonacci numbers), so an archive updated batch by batch or document by
    document slowed down as it grew. Merging the smallest ones keeps the count bounded, and an entry
    is rewritten about log(n) times over the index's life.
    """
    if len(segments) <= SEGMENTS_KEPT:
        return segments
    ordered = sorted(segments, key=lambda segment: segment.doc_count_all())
    merged = len(segments) - SEGMENTS_KEPT + 1
    for segment in ordered[:merged]:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return ordered[merged:]
