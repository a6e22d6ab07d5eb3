from armswatch.cli import main

main()
