/* The floor of the side-by-side benchmark: creates the folders and files a Portico build
 * wrote, with the same byte sizes, and does nothing else. No tool that writes those files can
 * be faster than this on the same file system.
 *
 *     floor MANIFEST OUTPUT
 *
 * MANIFEST has one line per folder or file of the site, parents before children:
 * "-1 <path>" for a folder and "<size> <path>" for a file, paths relative to OUTPUT.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: floor MANIFEST OUTPUT\n");
        return 2;
    }
    FILE *manifest = fopen(argv[1], "r");
    if (!manifest) { perror(argv[1]); return 1; }
    if (mkdir(argv[2], 0755) != 0 && errno != EEXIST) { perror(argv[2]); return 1; }
    if (chdir(argv[2]) != 0) { perror(argv[2]); return 1; }

    size_t capacity = 1 << 20;
    char *buffer = malloc(capacity);
    memset(buffer, 'x', capacity);
    char line[8192];
    long files = 0, bytes = 0;
    while (fgets(line, sizeof line, manifest)) {
        char *space = strchr(line, ' ');
        if (!space) continue;
        *space = 0;
        char *path = space + 1;
        path[strcspn(path, "\n")] = 0;
        long size = atol(line);
        if (size < 0) {
            if (mkdir(path, 0755) != 0 && errno != EEXIST) { perror(path); return 1; }
            continue;
        }
        if ((size_t)size > capacity) {
            capacity = (size_t)size;
            buffer = realloc(buffer, capacity);
            memset(buffer, 'x', capacity);
        }
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) { perror(path); return 1; }
        for (long done = 0; done < size;) {
            ssize_t n = write(fd, buffer + done, (size_t)(size - done));
            if (n < 0) { perror(path); return 1; }
            done += n;
        }
        close(fd);
        files++;
        bytes += size;
    }
    printf("floor: %ld files, %ld bytes\n", files, bytes);
    return 0;
}
